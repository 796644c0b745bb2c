package com.digestapi;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.digestapi.activity.Audited;
import com.fasterxml.jackson.databind.JsonNode;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Entity;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Priorities;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The package structure as rules: shared packages by concern below features, resources speak HTTP and nothing of
 * persistence, services speak neither HTTP nor JSON trees, transactions begin in services.
 */
@AnalyzeClasses(packages = "com.digestapi", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String[] SHARED = {"com.digestapi.problem..", "com.digestapi.listing..", "com.digestapi.caching..",
            "com.digestapi.web..", "com.digestapi.openapi..", "com.digestapi.persistence..", "com.digestapi.security..", "com.digestapi.search..", "com.digestapi.ratelimit..",
            "com.digestapi.changelog..", "com.digestapi.config..", "com.digestapi.revision.."};

    static final String[] FEATURES = {"com.digestapi.account..", "com.digestapi.article..", "com.digestapi.issue..",
            "com.digestapi.outlet..", "com.digestapi.topic..", "com.digestapi.feed..", "com.digestapi.sync..", "com.digestapi.webhook..",
            "com.digestapi.activity.."};

    static final DescribedPredicate<JavaClass> RESOURCES = describe("resources (classes named *Resource)",
            c -> c.getSimpleName().endsWith("Resource"));

    /** The classes of a feature that hold its application logic: its application-scoped beans, whatever their names. */
    static final DescribedPredicate<JavaClass> SERVICES = describe(
            "services (application-scoped beans of feature packages)",
            c -> resideInAnyPackage(FEATURES).test(c) && c.isAnnotatedWith(ApplicationScoped.class));

    static final DescribedPredicate<JavaClass> ENTITIES = describe("@Entity classes", c -> c.isAnnotatedWith(Entity.class));

    static final DescribedPredicate<JavaMethodCall> STATIC_ENTITY_OR_PANACHE_METHOD = describe(
            "a static method of an @Entity class or a method declared by Panache",
            call -> call.getTarget().resolveMember()
                    .map(method -> method.getOwner().getPackageName().startsWith("io.quarkus.hibernate.orm.panache")
                            || ENTITIES.test(call.getTargetOwner()) && method.getModifiers().contains(JavaModifier.STATIC))
                    .orElse(ENTITIES.test(call.getTargetOwner())));

    @ArchTest
    static final ArchRule top_level_packages_are_free_of_cycles =
            slices().matching("com.digestapi.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule shared_packages_depend_on_no_feature =
            noClasses().that().resideInAnyPackage(SHARED)
                    .should().dependOnClassesThat().resideInAnyPackage(FEATURES);

    @ArchTest
    static final ArchRule resources_do_not_touch_persistence =
            noClasses().that(RESOURCES)
                    .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "io.quarkus.hibernate.orm.panache..")
                    .orShould().callMethodWhere(STATIC_ENTITY_OR_PANACHE_METHOD);

    @ArchTest
    static final ArchRule services_speak_neither_http_nor_json_trees =
            noClasses().that(SERVICES)
                    .should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..")
                    .orShould().dependOnClassesThat().areAssignableTo(JsonNode.class);

    @ArchTest
    static final ArchRule transactions_begin_only_in_services = CompositeArchRule
            .of(noClasses().that(not(SERVICES)).should().beAnnotatedWith(Transactional.class))
            .and(methods().that().areAnnotatedWith(Transactional.class).should().beDeclaredInClassesThat(SERVICES));

    @ArchTest
    static final ArchRule resources_never_return_entities =
            noMethods().that().areDeclaredInClassesThat(RESOURCES).and().arePublic()
                    .should(returnATypeInvolving(ENTITIES));

    @ArchTest
    static final ArchRule problem_depends_on_no_other_project_package =
            noClasses().that().resideInAPackage("com.digestapi.problem..")
                    .should().dependOnClassesThat(resideInAPackage("com.digestapi..")
                            .and(not(resideInAPackage("com.digestapi.problem.."))));

    @ArchTest
    static final ArchRule features_query_other_features_entities_only_through_their_services =
            noClasses().that().resideInAnyPackage(FEATURES)
                    .should(queryTheEntitiesOfAnotherFeature());

    @ArchTest
    static final ArchRule settings_are_read_through_DigestConfig =
            noClasses().should(injectAConfigProperty());

    @ArchTest
    static final ArchRule every_write_names_its_activity =
            methods().that(describe("resource methods that write (POST, PUT, PATCH, DELETE)",
                            (JavaMethod m) -> RESOURCES.test(m.getOwner()) && (m.isAnnotatedWith(POST.class)
                                    || m.isAnnotatedWith(PUT.class) || m.isAnnotatedWith(PATCH.class)
                                    || m.isAnnotatedWith(DELETE.class))))
                    .should().beAnnotatedWith(Audited.class);

    @ArchTest
    static final ArchRule response_filters_run_in_a_stated_order =
            methods().that().areAnnotatedWith(ServerResponseFilter.class).should(declareAPriority());

    /** Calls a query method (static, Panache's) of an @Entity that belongs to another feature package. */
    static ArchCondition<JavaClass> queryTheEntitiesOfAnotherFeature() {
        return new ArchCondition<>("query the entities of another feature directly") {
            @Override
            public void check(JavaClass caller, ConditionEvents events) {
                for (JavaMethodCall call : caller.getMethodCallsFromSelf()) {
                    JavaClass owner = call.getTargetOwner();
                    if (ENTITIES.test(owner) && STATIC_ENTITY_OR_PANACHE_METHOD.test(call)
                            && !featureOf(owner).equals(featureOf(caller))) {
                        events.add(SimpleConditionEvent.satisfied(call, call.getDescription()));
                    }
                }
            }
        };
    }

    private static String featureOf(JavaClass type) {
        return type.getPackageName().split("\\.")[2];
    }

    /** A field, constructor parameter or method parameter annotated with MicroProfile's @ConfigProperty. */
    static ArchCondition<JavaClass> injectAConfigProperty() {
        return new ArchCondition<>("inject a setting with @ConfigProperty") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                type.getFields().stream().filter(f -> f.isAnnotatedWith(ConfigProperty.class))
                        .forEach(f -> events.add(SimpleConditionEvent.satisfied(f, f.getFullName())));
                type.getCodeUnits().forEach(unit -> unit.getParameters().stream()
                        .filter(p -> p.isAnnotatedWith(ConfigProperty.class))
                        .forEach(p -> events.add(SimpleConditionEvent.satisfied(unit, unit.getFullName()
                                + " takes @ConfigProperty " + p.getAnnotationOfType(ConfigProperty.class).name()))));
            }
        };
    }

    /** Response filters of equal priority run in no defined order; each states where it runs. */
    static ArchCondition<JavaMethod> declareAPriority() {
        return new ArchCondition<>("declare a priority other than the default") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                int priority = method.getAnnotationOfType(ServerResponseFilter.class).priority();
                events.add(new SimpleConditionEvent(method, priority != Priorities.USER,
                        method.getFullName() + " has priority " + priority));
            }
        };
    }

    /** The return type or any of its type arguments (List<Article>, RestResponse<Article>) is one of these classes. */
    static ArchCondition<JavaMethod> returnATypeInvolving(DescribedPredicate<JavaClass> types) {
        return new ArchCondition<>("return a type involving " + types.getDescription()) {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                for (JavaClass type : method.getReturnType().getAllInvolvedRawTypes()) {
                    if (types.test(type)) {
                        events.add(SimpleConditionEvent.satisfied(method,
                                method.getFullName() + " returns " + method.getReturnType().getName()
                                        + " in " + method.getSourceCodeLocation()));
                    }
                }
            }
        };
    }
}
