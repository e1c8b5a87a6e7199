package org.inventarioti.usuarios;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.inventarioti.auditoria.AuditoriaService;
import org.inventarioti.config.InventarioProperties;
import org.inventarioti.web.ProblemWriter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Who may do what (DESIGN §4): LECTOR reads, TECNICO also writes assets and maintenance, ADMIN
 * also deletes and manages users, categories and the audit. The API authenticates with bearer
 * tokens; every response carries the security headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@ConditionalOnWebApplication
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    @Bean
    RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_TECNICO\nROLE_TECNICO > ROLE_LECTOR");
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(
            HttpSecurity http, UsuarioJwtConverter converter, ProblemWriter problems, InventarioProperties properties)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(api -> api.requestMatchers("/api/auth/login")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, LoginAliasController.PATH)
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/auth/password")
                        .hasRole("LECTOR")
                        .requestMatchers(
                                "/api/usuarios/**",
                                "/api/auditoria/**",
                                "/api/especificaciones/cuarentena/**",
                                "/api/jobs/**",
                                "/api/backups",
                                "/api/backups/**",
                                "/api/notificaciones/**",
                                "/api/webhooks",
                                "/api/webhooks/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/api/importaciones/**", "/api/importaciones")
                        .hasRole("TECNICO")
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .hasRole("LECTOR")
                        .requestMatchers(HttpMethod.HEAD, "/api/**")
                        .hasRole("LECTOR")
                        .requestMatchers(HttpMethod.DELETE, "/api/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/api/categorias/**")
                        .hasRole("ADMIN")
                        .requestMatchers(
                                "/api/activos/**", "/api/mantenimientos/**", "/api/planes/**", "/api/asignaciones/**")
                        .hasRole("TECNICO")
                        .anyRequest()
                        .hasRole("ADMIN"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .cors(cors -> cors.configurationSource(corsSource(properties)))
                .oauth2ResourceServer(oauth -> oauth.jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(unauthorized(problems))
                        .accessDeniedHandler(forbidden(problems)))
                .exceptionHandling(ex ->
                        ex.authenticationEntryPoint(unauthorized(problems)).accessDeniedHandler(forbidden(problems)));
        return headers(http).build();
    }

    /**
     * Everything outside {@code /api}: health and metrics as before, and the browser UI with form
     * login, a database-backed session and CSRF on every form. The URL rules mirror the API matrix.
     */
    @Bean
    @Order(2)
    SecurityFilterChain defaultSecurity(
            HttpSecurity http,
            ProblemWriter problems,
            AuthService authService,
            UsuarioRepository repository,
            RoleHierarchy roleHierarchy,
            AuditoriaService auditoria)
            throws Exception {
        http.authorizeHttpRequests(web -> web.requestMatchers(
                                "/healthz", "/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/actuator/prometheus")
                        .access((authentication, context) ->
                                new AuthorizationDecision(isLoopback(context.getRequest())))
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/error", WebLogin.LOGIN, "/favicon.ico")
                        .permitAll()
                        // the one-click unsubscribe link of notification e-mails: a signed token, no login (RFC 8058)
                        .requestMatchers("/notificaciones/baja")
                        .permitAll()
                        .requestMatchers("/recursos/**", "/webjars/**")
                        .permitAll()
                        .requestMatchers(
                                "/usuarios/**",
                                "/auditoria/**",
                                "/categorias/**",
                                "/cuarentena/**",
                                "/notificaciones",
                                "/notificaciones/**",
                                "/backups",
                                "/backups/**",
                                "/jobs",
                                "/jobs/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/ubicaciones/**", "/personas/nueva", "/personas/*/editar")
                        .hasRole("ADMIN")
                        .requestMatchers("/mantenimientos/*/eliminar", "/activos/*/eliminar")
                        .hasRole("ADMIN")
                        .requestMatchers("/importaciones", "/importaciones/**")
                        .hasRole("TECNICO")
                        .requestMatchers(
                                "/mantenimientos/nuevo",
                                "/mantenimientos/*/editar",
                                "/mantenimientos/planes/nuevo",
                                "/mantenimientos/planes/*/editar",
                                "/activos/nuevo",
                                "/activos/*/editar",
                                "/activos/especificaciones")
                        .hasRole("TECNICO")
                        .requestMatchers(HttpMethod.GET, "/**")
                        .hasRole("LECTOR")
                        .requestMatchers(HttpMethod.HEAD, "/**")
                        .hasRole("LECTOR")
                        .requestMatchers(HttpMethod.DELETE, "/**")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/cuenta/**", "/etiquetas/pdf")
                        .hasRole("LECTOR")
                        .requestMatchers("/categorias/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/activos/**", "/mantenimientos/**")
                        .hasRole("TECNICO")
                        .anyRequest()
                        .hasRole("ADMIN"))
                .formLogin(form -> form.loginPage(WebLogin.LOGIN)
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .failureHandler(WebLogin.failureHandler())
                        .defaultSuccessUrl("/", false))
                .logout(logout -> logout.logoutUrl("/logout")
                        .addLogoutHandler(WebLogin.auditLogout(auditoria))
                        .logoutSuccessUrl(WebLogin.LOGIN + "?salida"))
                .authenticationManager(new ProviderManager(new FormularioLoginProvider(authService, roleHierarchy)))
                .addFilterBefore(new SesionVigenteFilter(repository, roleHierarchy), AuthorizationFilter.class)
                .csrf(csrf -> csrf.ignoringRequestMatchers("/actuator/**", "/notificaciones/baja"))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(WebLogin.entryPoint(unauthorized(problems)))
                        .accessDeniedHandler(new AccessDeniedHandlerImpl()));
        return headers(http).build();
    }

    private static HttpSecurity headers(HttpSecurity http) throws Exception {
        return http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter(
                        "Permissions-Policy", "camera=(self), microphone=(), geolocation=(), payment=()")));
    }

    private static AuthenticationEntryPoint unauthorized(ProblemWriter problems) {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            bearer.commence(request, response, exception);
            problems.write(
                    request,
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "Unauthorized",
                    "A valid bearer token is required (POST /api/auth/login)");
        };
    }

    private static AccessDeniedHandler forbidden(ProblemWriter problems) {
        return (request, response, exception) ->
                problems.write(request, response, HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this");
    }

    private static UrlBasedCorsConfigurationSource corsSource(InventarioProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        var allowed =
                properties.cors().allowed().stream().filter(s -> !s.isBlank()).toList();
        if (!allowed.isEmpty()) {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(allowed);
            cors.addAllowedMethod("*");
            cors.addAllowedHeader("*");
            cors.addExposedHeader("ETag");
            cors.addExposedHeader("X-Request-Id");
            cors.addExposedHeader("Retry-After");
            source.registerCorsConfiguration("/api/**", cors);
        }
        return source;
    }

    static boolean isLoopback(HttpServletRequest request) {
        try {
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
