package org.inventarioti.usuarios;

import java.time.Instant;

public record LoginResponse(String token, Instant expiresAt, UsuarioView usuario) {}
