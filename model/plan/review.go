package plan

import "taizhang/model"

// Review is a candidate as the officer first sees it: whether the ledger
// already keeps it, whether it is addressed to their post, and so whether
// it starts ticked.
type Review struct {
	Candidate
	Kept   Kept    // the ledger's duty it restates, when Exists
	Exists bool    // the ledger keeps this duty already
	Score  float64 // how well the titles agree, when Exists
	// Renew is a kept duty without a target in the plan's year: taking
	// the candidate gives that duty the year's target (Target) rather than
	// adding a second duty beside it.
	Renew bool
	// Twin is the line of an earlier candidate of the same title, when
	// this one is not a kept duty: the ledger holds one duty of a title, so
	// it starts unticked, and adding it would only be refused as there.
	Twin  int
	Fits  bool // the addressee fits the post, or either is unknown
	Known bool // both the addressee and the post are known
	On    bool // starts ticked: addressed to the officer, and not kept in the year
}

// ReviewAll reviews candidates against the duties a ledger keeps and the
// officer's post.
func ReviewAll(cs []Candidate, kept []Kept, post string) []Review {
	out := make([]Review, len(cs))
	for i, f := range MatchAll(cs, kept) {
		out[i] = review(cs[i], f, post)
		if out[i].Exists {
			continue
		}
		for j := range i {
			if sameTitle(cs[j].Title, cs[i].Title) {
				out[i].Twin, out[i].On = cs[j].Line, false
				break
			}
		}
	}
	return out
}

func review(c Candidate, f Found, post string) Review {
	r := Review{Candidate: c, Kept: f.Kept, Exists: f.OK, Score: f.Score}
	r.Renew = r.Exists && !r.Kept.InYear
	r.Fits, r.Known = Fits(c.Role, post)
	r.On = (!r.Exists || r.Renew) && r.Fits
	return r
}

// Target is what taking the candidate writes for year: the plan's cadence
// and minimum, per person of the group the plan names when it reads so. A
// kept duty read per person both in the ledger and in the plan keeps the
// ledger's group (the plan names it in its own words). A kept duty the
// plan reads otherwise than the ledger (per person in one, in all in the
// other) keeps its latest target whole: a plan that counts talks in all
// says nothing of how often each person is talked with, and the other
// way round.
func (r Review) Target(year int) model.Target {
	t := model.Target{Year: year, Cadence: r.Cadence, Min: r.Min, Each: r.Each}
	if t.Cadence == model.Week {
		t.Each = "" // per person is counted by month or longer
	}
	if !r.Renew || r.Kept.Cadence == "" {
		return t
	}
	switch {
	case r.Kept.Each != "" && t.Each != "":
		t.Each = r.Kept.Each
	case r.Kept.Each != "" || t.Each != "":
		t.Cadence, t.Min, t.Each = r.Kept.Cadence, r.Kept.Min, r.Kept.Each
	}
	return t
}

// Duty is what taking the candidate adds: a new duty, or, for one the
// ledger keeps, the kept duty by its title: the ledger gives a duty of a
// title the year's target when it has none, and skips it when it has, so
// ticking a kept duty by hand never adds a near-copy beside it.
func (r Review) Duty() model.Duty {
	if r.Exists {
		return model.Duty{Title: r.Kept.Title, Category: r.Kept.Category}
	}
	return model.Duty{Title: r.Title, Category: r.Category, Basis: r.Basis}
}
