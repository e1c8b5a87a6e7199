package org.inventarioti;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.RestController;

/** The habits of DESIGN §7 that a machine can check. */
@AnalyzeClasses(packages = "org.inventarioti", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noCyclesBetweenFeatures =
            slices().matching("org.inventarioti.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noFieldInjection = noFields().should().beAnnotatedWith(Autowired.class);

    @ArchTest
    static final ArchRule sharedInfrastructureKnowsNoFeature = noClasses()
            .that()
            .resideInAnyPackage("org.inventarioti.config..", "org.inventarioti.web..")
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
                    "org.inventarioti.importacion..",
                    "org.inventarioti.ops..");

    @ArchTest
    static final ArchRule controllersArePackagePrivate =
            classes().that().areAnnotatedWith(RestController.class).should().notBePublic();

    @ArchTest
    static final ArchRule noJpa =
            noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..");
}
