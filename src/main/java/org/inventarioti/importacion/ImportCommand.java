package org.inventarioti.importacion;

import picocli.CommandLine.Command;

@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description =
                "Imports data from elsewhere: the original Inventario-TI (legacy, into an empty database) or a spreadsheet of assets (file), each with a preview.",
        subcommands = {ImportLegacyCommand.class, ImportFileCommand.class, picocli.CommandLine.HelpCommand.class})
public class ImportCommand {}
