package data

import "taizhang/model"

// isKind reports whether err is a refusal or failure of kind: the front
// ends phrase it, so the data layer's tests tell it by its kind.
func isKind(err error, kind model.Kind) bool {
	if ie, ok := model.AsInput(err); ok {
		return ie.Kind == kind
	}
	if f, ok := model.AsFailure(err); ok {
		return f.Kind == kind
	}
	return false
}
