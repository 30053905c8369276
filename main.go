// Command taizhang keeps the ledger of an officer's recurring duties: with
// no command it opens the terminal interface, otherwise it runs one
// command of the command line (taizhang --help lists them).
package main

import (
	"context"
	"os"
	"strings"

	"taizhang/data/export"

	"taizhang/ui"
	"taizhang/ui/cli"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

func main() {
	os.Exit(cli.Run(version, func(app *cli.App) error {
		store := app.Ledger()
		return ui.Run(ui.Options{Ledger: store, Lang: app.Lang, Now: app.Now, Warning: strings.Join(app.Notices(), " "),
			Export: func(ctx context.Context, o export.Options) (string, []export.Warning, error) {
				return export.Write(ctx, store, o)
			}})
	}))
}
