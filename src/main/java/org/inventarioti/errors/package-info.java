/**
 * What the services refuse, in the domain's terms, and the checks every service shares to say
 * it: {@link org.inventarioti.errors.NotFoundException}, {@link
 * org.inventarioti.errors.InvalidException} (field errors with machine-readable codes), {@link
 * org.inventarioti.errors.MalformedException}, {@link org.inventarioti.errors.ConflictException}
 * (a duplicate names its field; {@link org.inventarioti.errors.StaleVersionException} carries the
 * current record), {@link org.inventarioti.errors.LoginRefusedException}; Bean Validation as field
 * errors ({@link org.inventarioti.errors.Checks}), the version a change is based on ({@link
 * org.inventarioti.errors.Versions}) and JSON Merge Patch ({@link org.inventarioti.errors.Patches}).
 *
 * <p>It knows no HTTP: {@code web/} maps these exceptions to problem details in one place, the
 * pages catch the types they handle, the CLI prints the message. Features and shared packages
 * depend on it; it depends on none of ours.
 */
package org.inventarioti.errors;
