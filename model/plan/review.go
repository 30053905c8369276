package plan

// Review is a candidate as the officer first sees it: whether the ledger
// already keeps it, whether it is addressed to their post, and so whether
// it starts ticked.
type Review struct {
	Candidate
	Kept   Kept    // the ledger's duty it restates, when Exists
	Exists bool    // the ledger keeps this duty already
	Score  float64 // how well the titles agree, when Exists
	Fits   bool    // the addressee fits the post, or either is unknown
	Known  bool    // both the addressee and the post are known
	On     bool    // starts ticked: not kept, and addressed to the officer
}

// ReviewAll reviews candidates against the duties a ledger keeps in the
// year and the officer's post.
func ReviewAll(cs []Candidate, kept []Kept, post string) []Review {
	out := make([]Review, len(cs))
	for i, f := range MatchAll(cs, kept) {
		r := Review{Candidate: cs[i], Kept: f.Kept, Exists: f.OK, Score: f.Score}
		r.Fits, r.Known = Fits(cs[i].Role, post)
		r.On = !r.Exists && r.Fits
		out[i] = r
	}
	return out
}
