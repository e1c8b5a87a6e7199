package org.inventarioti;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.PackageMatchers;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.RestController;

/** The habits of DESIGN §7 that a machine can check. */
@AnalyzeClasses(packages = "org.inventarioti", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noCyclesBetweenFeatures =
            slices().matching("org.inventarioti.(*)..").should().beFreeOfCycles();

    /**
     * Every package its own slice, the root package and every ops subpackage included (which {@code
     * matching("org.inventarioti.(**)")} would leave out): no package cycle anywhere.
     */
    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().assignedFrom(
                    eachPackageOf("org.inventarioti", "org.inventarioti.."))
            .should()
            .beFreeOfCycles();

    private static SliceAssignment eachPackageOf(String... packages) {
        var included = PackageMatchers.of(packages);
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                return included.test(javaClass.getPackageName())
                        ? SliceIdentifier.of(javaClass.getPackageName())
                        : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "every package of " + String.join(", ", packages);
            }
        };
    }

    @ArchTest
    static final ArchRule noFieldInjection = noFields().should().beAnnotatedWith(Autowired.class);

    @ArchTest
    static final ArchRule sharedInfrastructureKnowsNoFeature = noClasses()
            .that()
            .resideInAnyPackage(
                    "org.inventarioti.cli..",
                    "org.inventarioti.config..",
                    "org.inventarioti.errors..",
                    "org.inventarioti.listing..",
                    "org.inventarioti.secretos..",
                    "org.inventarioti.web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.inventarioti.usuarios..",
                    "org.inventarioti.activos..",
                    "org.inventarioti.categorias..",
                    "org.inventarioti.mantenimientos..",
                    "org.inventarioti.auditoria..",
                    "org.inventarioti.reportes..",
                    "org.inventarioti.etiquetas..",
                    "org.inventarioti.cuarentena..",
                    "org.inventarioti.jobs..",
                    "org.inventarioti.planes..",
                    "org.inventarioti.notificaciones..",
                    "org.inventarioti.importacion..",
                    "org.inventarioti.demo..",
                    "org.inventarioti.ops..");

    /** Services report refusals with the domain exceptions of errors/ (no HTTP statuses); web/ maps them. */
    @ArchTest
    static final ArchRule servicesKnowNoWeb = noClasses()
            .that()
            .areAnnotatedWith(org.springframework.stereotype.Service.class)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.inventarioti.web..", "org.springframework.http..");

    @ArchTest
    static final ArchRule controllersArePackagePrivate =
            classes().that().areAnnotatedWith(RestController.class).should().notBePublic();

    @ArchTest
    static final ArchRule noJpa =
            noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..");
}
