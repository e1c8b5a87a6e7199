package org.inventarioti.jobs;

import java.lang.management.ManagementFactory;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** ShedLock on the application's database: the lock rows live in {@code ops_jobs_cerrojos}. */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

    static final String TABLA = "ops_jobs_cerrojos";

    /** This instance's name in the lock rows and the run records: host and process id. */
    record Instancia(String nombre) {}

    @Bean
    Instancia jobsInstancia() {
        return new Instancia(ManagementFactory.getRuntimeMXBean().getName());
    }

    @Bean
    LockProvider jobsLockProvider(DataSource dataSource, Instancia instancia) {
        return lockProvider(dataSource, instancia.nombre());
    }

    @Bean
    LockingTaskExecutor jobsLockingTaskExecutor(LockProvider jobsLockProvider) {
        return new DefaultLockingTaskExecutor(jobsLockProvider);
    }

    /** A lock client on the database; times come from the database's clock, not the instance's. */
    static LockProvider lockProvider(DataSource dataSource, String instancia) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName(TABLA)
                .withLockedByValue(instancia)
                .usingDbTime()
                .build());
    }
}
