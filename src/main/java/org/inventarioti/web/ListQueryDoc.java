package org.inventarioti.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents, in the OpenAPI description, the query parameters of a list endpoint that takes them
 * as one map: each filter as {@code "name: description"}, the sortable columns, and whether
 * {@code spec.<key>} filters apply. Paging parameters are added for every list.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ListQueryDoc {

    String[] filters() default {};

    String[] sorts() default {};

    String defaultSort() default "";

    boolean spec() default false;
}
