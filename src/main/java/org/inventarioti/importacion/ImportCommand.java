package org.inventarioti.importacion;

import picocli.CommandLine.Command;

@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Imports data from elsewhere into an empty Inventario-TI, with a preview (--dry-run).",
        subcommands = {ImportLegacyCommand.class, picocli.CommandLine.HelpCommand.class})
public class ImportCommand {}
