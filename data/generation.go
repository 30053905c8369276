package data

import (
	"context"
	"database/sql"

	"taizhang/model"
)

// generationKey carries, in a write's context, the generation the write
// may go ahead in.
type generationKey struct{}

// Expecting returns ctx for writes that may go ahead only while the ledger
// is in generation gen: an undo passes the generation its change was made
// in, and is refused once a backup has been restored since.
func Expecting(ctx context.Context, gen string) context.Context {
	if gen == "" {
		return ctx
	}
	return context.WithValue(ctx, generationKey{}, gen)
}

// Generation is the ledger's generation as of the last write this store
// made: what an undo of that write expects.
func (s *Store) Generation() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.gen
}

// generation reads the ledger's generation.
func generation(ctx context.Context, q queryer) (string, error) {
	var g string
	err := q.QueryRowContext(ctx, `SELECT value FROM generation WHERE id = 1`).Scan(&g)
	return g, err
}

// sameGeneration refuses a write whose context expects another generation
// than the ledger's, and notes the generation the write is made in.
func (s *Store) sameGeneration(ctx context.Context, tx *sql.Tx) error {
	g, err := generation(ctx, tx)
	if err != nil {
		return err
	}
	if want, ok := ctx.Value(generationKey{}).(string); ok && want != g {
		return model.Refuse(model.ErrChanged, model.KindRestoredSince)
	}
	s.mu.Lock()
	s.gen = g
	s.mu.Unlock()
	return nil
}

// newGeneration starts a new generation: the ledger's content has been
// replaced by a backup's.
func newGeneration(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `UPDATE generation SET value = lower(hex(randomblob(16))) WHERE id = 1`)
	return err
}
