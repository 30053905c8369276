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
		return a.T(fmt.Sprintf("事项“%s”在%d年没有年度要求；请先用 taizhang duty edit %d --year %d --cadence … --min … 设定。", noTarget.Title, noTarget.Year, noTarget.ID, noTarget.Year),
			fmt.Sprintf("The duty %q has no target in %d; set one first with taizhang duty edit %d --year %d --cadence … --min ….", noTarget.Title, noTarget.Year, noTarget.ID, noTarget.Year)), true
	case errors.As(err, &archived):
		return a.T(fmt.Sprintf("事项“%s”已于 %s 归档，之后的日期不能登记；如仍需登记，请先用 taizhang duty archive %d --restore 恢复。", archived.Title, archived.On, archived.ID),
			fmt.Sprintf("The duty %q was archived on %s, so nothing after that day can be logged; bring it back first with taizhang duty archive %d --restore.", archived.Title, archived.On, archived.ID)), true
	case errors.As(err, &exists) && exists.CanReplace:
		return a.T(fmt.Sprintf("%s 已存在；加 --force 覆盖，或用 -o 指定其他文件名。", exists.Path),
			fmt.Sprintf("%s already exists; add --force to replace it or choose another name with -o.", exists.Path)), true
	case errors.As(err, &exists):
		return a.T(fmt.Sprintf("%s 已存在；请换一个文件名或先移走它。", exists.Path),
			fmt.Sprintf("%s already exists; choose another name or move it away first.", exists.Path)), true
	case errors.As(err, &taken):
		return a.T(fmt.Sprintf("已有同名事项“%s”（编号 %d）；请换一个名称，或用 taizhang duty edit %d 修改它。", taken.Title, taken.ID, taken.ID),
			fmt.Sprintf("A duty called %q already exists (id %d); choose another title or change it with taizhang duty edit %d.", taken.Title, taken.ID, taken.ID)), true
	}
	return "", false
}
