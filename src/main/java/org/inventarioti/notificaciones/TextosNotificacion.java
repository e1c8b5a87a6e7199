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

    TextosNotificacion(MessageSource messages, UsuarioService usuarios) {
        this.messages = messages;
        this.usuarios = usuarios;
    }

    List<UsuarioView> administradores() {
        return usuarios.listar().stream()
                .filter(u -> u.enabled() && u.rol() == Rol.ADMIN)
                .toList();
    }

    /** The language a user reads notifications in (Spanish unless chosen otherwise). */
    Locale idioma(long usuarioId) {
        return ES;
    }

    String texto(Locale idioma, String clave, Object... args) {
        return messages.getMessage(clave, args, idioma);
    }
}
