// Command taizhang keeps the ledger of an officer's recurring duties: with
// no command it opens the terminal interface, otherwise it runs one
// command of the command line (taizhang --help lists them).
package main

import (
	"context"
	"os"
	"runtime/debug"
	"strings"

	"taizhang/data/export"

	"taizhang/ui"
	"taizhang/ui/cli"
)

// version is set at build time with -ldflags "-X main.version=…" (the
// release build does); otherwise it is the module's version Go stamps from
// the repository (a tag, or a pseudo-version naming the commit).
var version = ""

func main() {
	if version == "" {
		version = "0.1.0-dev"
		if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			version = bi.Main.Version
		}
	}
	os.Exit(cli.Run(version, func(app *cli.App) error {
		store := app.Ledger()
		return ui.Run(ui.Options{Ledger: store, Lang: app.Lang, Now: app.Now, Warning: strings.Join(app.Notices(), " "),
			Export: func(ctx context.Context, o export.Options) (string, []export.Warning, error) {
				return export.Write(ctx, store, o)
			}})
	}))
}
