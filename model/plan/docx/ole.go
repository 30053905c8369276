package docx

import (
	"bytes"
	"encoding/binary"
	"io"

	"github.com/richardlehane/mscfb"

	"taizhang/model"
)

// oleError says what an OLE compound file is: an Office document protected
// by a password (its package is encrypted inside the container), the old
// Word format, another old Office file, or a damaged one.
func oleError(b []byte) (err error) {
	defer func() {
		if recover() != nil {
			err = damaged() // the container's own reader gave up on it
		}
	}()
	r, e := mscfb.New(bytes.NewReader(b))
	if e != nil {
		return damaged()
	}
	kind := ""
	for n := 0; n < 4096; n++ {
		f, e := r.Next()
		if e != nil {
			break
		}
		switch f.Name {
		case "EncryptedPackage", "EncryptionInfo":
			return locked()
		case "WordDocument":
			var fib [12]byte
			if _, e := io.ReadFull(f, fib[:]); e == nil && binary.LittleEndian.Uint16(fib[10:])&0x0100 != 0 {
				return locked() // fEncrypted in the file information block
			}
			kind = "doc"
		case "Workbook", "Book", "PowerPoint Document":
			if kind == "" {
				kind = "office"
			}
		}
	}
	switch kind {
	case "doc":
		return model.Refuse(ErrNotDocx, model.KindDocxOldDoc)
	case "office":
		return notWord()
	}
	return damaged()
}
