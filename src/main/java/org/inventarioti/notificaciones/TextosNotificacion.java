package org.inventarioti.notificaciones;

import java.util.List;
import java.util.Locale;
import org.inventarioti.usuarios.Rol;
import org.inventarioti.usuarios.UsuarioService;
import org.inventarioti.usuarios.UsuarioView;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Who is told (administrators, a user) and in which words: {@code messages*.properties}. */
@Component
class TextosNotificacion {

    static final Locale ES = Locale.forLanguageTag("es");

    private final MessageSource messages;
    private final UsuarioService usuarios;
    private final PreferenciasRepository preferencias;

    TextosNotificacion(MessageSource messages, UsuarioService usuarios, PreferenciasRepository preferencias) {
        this.messages = messages;
        this.usuarios = usuarios;
        this.preferencias = preferencias;
    }

    /** Every enabled user. */
    List<UsuarioView> usuarios() {
        return usuarios.listar().stream().filter(UsuarioView::enabled).toList();
    }

    /** The enabled user with this e-mail address, if any. */
    java.util.Optional<UsuarioView> porEmail(String email) {
        return usuarios().stream()
                .filter(u -> u.email().equalsIgnoreCase(email))
                .findFirst();
    }

    PreferenciasRepository.Preferencias preferencias(long usuarioId) {
        return preferencias.de(usuarioId);
    }

    List<UsuarioView> administradores() {
        return usuarios.listar().stream()
                .filter(u -> u.enabled() && u.rol() == Rol.ADMIN)
                .toList();
    }

    /** The language a user reads notifications in (Spanish unless chosen otherwise). */
    Locale idioma(long usuarioId) {
        return Locale.forLanguageTag(preferencias.de(usuarioId).idioma());
    }

    String texto(Locale idioma, String clave, Object... args) {
        return messages.getMessage(clave, args, idioma);
    }
}
