package cli

import (
	"errors"
	"fmt"

	"taizhang/data"
)

// phrase says a refusal of a kind the command line knows in its own terms,
// naming the flag or command that helps; ok is false for any other error.
func (a *App) phrase(err error) (string, bool) {
	var exists data.ErrExists
	var taken data.ErrTitleTaken
	var noTarget data.ErrNoTargetIn
	var archived data.ErrArchivedOn
	switch {
	case errors.As(err, &noTarget):
		return fmt.Sprintf(a.txt().ErrNoTarget, noTarget.Title, noTarget.Year, noTarget.ID, noTarget.Year), true
	case errors.As(err, &archived):
		return fmt.Sprintf(a.txt().ErrArchived, archived.Title, archived.On, archived.ID), true
	case errors.As(err, &exists) && exists.CanReplace:
		return fmt.Sprintf(a.txt().ErrExistsForce, exists.Path), true
	case errors.As(err, &exists):
		return fmt.Sprintf(a.txt().ErrExists, exists.Path), true
	case errors.As(err, &taken):
		return fmt.Sprintf(a.txt().ErrTitleTaken, taken.Title, taken.ID, taken.ID), true
	}
	return "", false
}
