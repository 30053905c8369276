package docx

import (
	"strconv"
	"strings"
)

// format draws the number n in one of Word's number formats (w:numFmt).
// Formats it does not know are drawn in decimal, as Word does.
func format(n int, f string) string {
	switch f {
	case "none", "bullet":
		return ""
	case "decimalZero":
		if n >= 0 && n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "decimalFullWidth", "decimalFullWidth2":
		return fullWidth(strconv.Itoa(n))
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		if n >= 1 && n <= 20 {
			return string(rune('①' + n - 1))
		}
	case "decimalEnclosedFullstop":
		if n >= 1 && n <= 20 {
			return string(rune('⒈' + n - 1))
		}
	case "decimalEnclosedParen":
		if n >= 1 && n <= 20 {
			return string(rune('⑴' + n - 1))
		}
	case "ideographEnclosedCircle":
		if n >= 1 && n <= 10 {
			return string(rune('㊀' + n - 1))
		}
	case "chineseCounting", "taiwaneseCounting":
		if n >= 0 && n < 100 {
			return counting(n, simplified)
		}
		return digits(n, simplified)
	case "chineseCountingThousand", "japaneseCounting", "koreanCounting":
		return counting(n, simplified)
	case "taiwaneseCountingThousand":
		return counting(n, simplified)
	case "ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand":
		return digits(n, simplified)
	case "chineseLegalSimplified":
		return counting(n, legalSimplified)
	case "ideographLegalTraditional":
		return counting(n, legalTraditional)
	case "ideographTraditional": // the ten stems, then decimal as LibreOffice draws it
		if n >= 1 && n <= 10 {
			return string([]rune("甲乙丙丁戊己庚辛壬癸")[n-1])
		}
	case "ideographZodiac":
		if n >= 1 && n <= 12 {
			return string([]rune("子丑寅卯辰巳午未申酉戌亥")[n-1])
		}
	case "upperLetter", "lowerLetter":
		if n >= 1 {
			s := strings.Repeat(string(rune('A'+(n-1)%26)), (n-1)/26+1)
			if f == "lowerLetter" {
				s = strings.ToLower(s)
			}
			return s
		}
	case "upperRoman", "lowerRoman":
		if n >= 1 && n < 4000 {
			s := roman(n)
			if f == "lowerRoman" {
				s = strings.ToLower(s)
			}
			return s
		}
	}
	return strconv.Itoa(n)
}

// numerals is a set of Chinese digits and units.
type numerals struct {
	digits                              [10]string
	zero                                string // a zero inside a number read out: 一百零五
	ten, hundred, thousand, tenThousand string
}

var (
	simplified       = numerals{[10]string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}, "零", "十", "百", "千", "万"}
	legalSimplified  = numerals{[10]string{"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"}, "零", "拾", "佰", "仟", "万"}
	legalTraditional = numerals{[10]string{"零", "壹", "貳", "參", "肆", "伍", "陸", "柒", "捌", "玖"}, "零", "拾", "佰", "仟", "萬"}
)

// counting writes n the way it is read: 十一, 二十, 一百零五.
func counting(n int, c numerals) string {
	if n < 0 || n >= 100000000 {
		return strconv.Itoa(n)
	}
	if n == 0 {
		return c.digits[0]
	}
	if n >= 10000 {
		hi, lo := n/10000, n%10000
		s := counting(hi, c) + c.tenThousand
		if lo == 0 {
			return s
		}
		if lo < 1000 {
			s += c.zero
		}
		return s + countingSmall(lo, c, true)
	}
	return countingSmall(n, c, false)
}

// countingSmall writes 1 to 9999; 十 stands alone for 10 to 19 unless
// the number follows a higher part (一百一十).
func countingSmall(n int, c numerals, inner bool) string {
	units := []string{c.thousand, c.hundred, c.ten, ""}
	div := []int{1000, 100, 10, 1}
	var b strings.Builder
	zero, started := false, false
	for i, d := range div {
		k := n / d % 10
		if k == 0 {
			if started {
				zero = true
			}
			continue
		}
		if zero {
			b.WriteString(c.zero)
			zero = false
		}
		if !(d == 10 && k == 1 && !started && !inner && c.ten == "十") {
			b.WriteString(c.digits[k])
		}
		b.WriteString(units[i])
		started = true
	}
	return b.String()
}

// digits writes n digit by digit: 一〇五.
func digits(n int, c numerals) string {
	if n < 0 {
		return strconv.Itoa(n)
	}
	var b strings.Builder
	for _, r := range strconv.Itoa(n) {
		b.WriteString(c.digits[r-'0'])
	}
	return b.String()
}

func fullWidth(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			r += '０' - '0'
		}
		b.WriteRune(r)
	}
	return b.String()
}

func roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
