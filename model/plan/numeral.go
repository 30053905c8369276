package plan

// Numerals: Arabic and Chinese, with ranges (1—2, 一至两, 两三).

// number reads an Arabic or Chinese numeral at i, with a range after it
// (1—2, 一至两, 两三) read as its lower end. next is where the numeral
// ends; next == i means there is none. ok is false for a numeral that is
// not a whole number (12.4, 6.15) or is too long to be a count.
func (s *scanner) number(i int) (val int, han bool, next int, ok bool) {
	if i >= s.b || s.d.quoted[i] {
		return 0, false, i, false
	}
	val, han, next, ok = s.numeral(i)
	if next == i || !ok {
		return val, han, next, ok
	}
	// a range: the lower end is the minimum
	j := next
	if n := s.first(j, "——", "—", "–", "-", "－", "~", "～", "至", "到"); n > 0 {
		if _, _, k, ok2 := s.numeral(j + n); ok2 && k > j+n {
			next = k
		}
	}
	return val, han, next, ok
}

// numeral reads one numeral without a range.
func (s *scanner) numeral(i int) (val int, han bool, next int, ok bool) {
	j := i
	if isDigit(s.r(j)) {
		if isDigit(s.r(i-1)) || s.r(i-1) == '.' {
			return 0, false, i, false // inside a number read before
		}
		for isDigit(s.r(j)) {
			if val < 1e6 {
				val = val*10 + int(s.r(j)-'0')
			}
			j++
		}
		switch {
		case (s.r(j) == '.' || s.r(j) == '．') && isDigit(s.r(j+1)):
			j++
			for isDigit(s.r(j)) {
				j++
			}
			return 0, false, j, false
		case s.r(j) == ',' && isDigit(s.r(j+1)) && isDigit(s.r(j+2)) && isDigit(s.r(j+3)):
			for s.r(j) == ',' || isDigit(s.r(j)) {
				j++
			}
			return 0, false, j, false
		}
		return val, false, j, j-i <= 6
	}
	if !isHanDigit(s.r(j)) || s.r(j) == '百' || s.r(j) == '千' || s.r(j) == '万' {
		return 0, false, i, false
	}
	for isHanDigit(s.r(j)) && j-i < 9 {
		j++
	}
	v, ok := hanValue(s.d.norm[i:j])
	return v, true, j, ok
}

// isHanDigit reports the characters of Chinese numerals.
func isHanDigit(r rune) bool {
	switch r {
	case '零', '〇', '一', '二', '两', '兩', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万':
		return true
	}
	return false
}

func hanDigit(r rune) int {
	switch r {
	case '零', '〇':
		return 0
	case '一':
		return 1
	case '二', '两', '兩':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	}
	return -1
}

// hanValue reads 十二, 二十四, 一百, 两 and the loose ranges 一两, 两三,
// 三五 (their lower end). Digits written one by one (二〇二二) read as such.
func hanValue(rs []rune) (int, bool) {
	hasUnit := false
	for _, r := range rs {
		if hanDigit(r) < 0 {
			hasUnit = true
		}
	}
	if !hasUnit {
		if len(rs) == 2 {
			a, b := hanDigit(rs[0]), hanDigit(rs[1])
			if a > 0 && b > a && b-a <= 2 {
				return a, true // 一两次, 两三次, 三五次
			}
		}
		v := 0
		for _, r := range rs {
			v = v*10 + hanDigit(r)
		}
		return v, len(rs) <= 4
	}
	total, section, digit := 0, 0, -1
	for _, r := range rs {
		if d := hanDigit(r); d >= 0 {
			if digit >= 0 && d != 0 && digit != 0 {
				return 0, false // two digits in a row without a unit
			}
			digit = d
			continue
		}
		unit := hanUnit(r)
		if unit == 10000 {
			section += max(digit, 0)
			if section == 0 {
				section = 1
			}
			total += section * unit
			section, digit = 0, -1
			continue
		}
		if digit < 0 {
			if unit != 10 || section != 0 {
				return 0, false
			}
			digit = 1 // 十二: the leading 一 is left out
		}
		section += digit * unit
		digit = -1
	}
	return total + section + max(digit, 0), true
}

func hanUnit(r rune) int {
	switch r {
	case '十':
		return 10
	case '百':
		return 100
	case '千':
		return 1000
	case '万':
		return 10000
	}
	return 0
}
