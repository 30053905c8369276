package model

import "testing"

func TestRequirement(t *testing.T) {
	d := func(s string) Date { x, _ := ParseDate(s); return x }
	tests := []struct {
		t      Target
		zh, en string
	}{
		{Target{Cadence: Year, Min: 2}, "全年不少于2次", "at least 2 a year"},
		{Target{Cadence: Month, Min: 1}, "每月1次", "1 a month"},
		{Target{Cadence: Half, Min: 1}, "每半年1次", "1 per half-year"},
		{Target{Cadence: Week, Min: 1, Start: d("2026-07-15")}, "每周1次（7月15日起）", "1 a week from 2026-07-15"},
		{Target{Cadence: Quarter, Min: 1, End: d("2026-07-20")}, "每季度1次（至7月20日）", "1 a quarter until 2026-07-20"},
		{Target{Cadence: Year, Min: 12, Start: d("2026-03-01"), End: d("2026-09-30")}, "全年不少于12次（3月1日起至9月30日）", "at least 12 a year from 2026-03-01 until 2026-09-30"},
	}
	for _, tt := range tests {
		if got := tt.t.Requirement(Chinese); got != tt.zh {
			t.Errorf("%+v in Chinese = %q, want %q", tt.t, got, tt.zh)
		}
		if got := tt.t.Requirement(English); got != tt.en {
			t.Errorf("%+v in English = %q, want %q", tt.t, got, tt.en)
		}
	}
}
