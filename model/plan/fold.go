package plan

// The grammar's words are written once, in Simplified script. A Traditional
// text is matched against them through a folded copy in which each rune is
// replaced by its Simplified form, one rune for one rune, so that positions
// in the folded copy are positions in the original and a title can be cut
// from the original in the script its author used.
//
// The table covers the characters of the grammar's words (cadences,
// requirements, measure words, past markers, light verbs, subjects, the
// category keywords) and the common characters around them. It is read only.

import "sync"

// tradToSimp lists pairs: a Traditional character, then its Simplified form.
const tradToSimp = "" +
	"週周於于終终個个場场條条輪轮兩两萬万億亿鐘钟時时屆届會会黨党項项戶户" +
	"計计經经達达後后學学習习談谈話话課课聽听報报職职調调論论開开進进" +
	"組组織织認认積积極极舉举辦办參参與与對对專专題题應应須须確确爭争" +
	"堅坚則则內内間间規规況况總总結结劃划點点實实務务議议導导領领幹干" +
	"員员負负責责書书記记長长當当體体為为從从講讲彙汇匯汇訪访滿满歷历" +
	"據据幾几單单這这們们來来國国區区縣县鄉乡鎮镇門门處处級级類类種种" +
	"節节觀观現现聯联繫系係系機机關关構构識识維维護护範范廣广協协勵励" +
	"風风氣气紀纪檢检審审評评測测試试驗验練练傳传訓训讀读寫写統统問问" +
	"討讨團团隊队屬属層层監监潔洁敗败獄狱貫贯徹彻覺觉讓让嚴严際际細细" +
	"該该並并別别較较碼码號号樣样裡里裏里閱阅頭头願愿顧顾預预頒颁頁页" +
	"順顺額额顯显飛飞養养館馆馬马髮发鬥斗興兴舊旧藝艺蘭兰蟲虫衛卫衝冲" +
	"補补裝装複复見见視视覽览親亲觸触訂订託托設设許许訴诉詞词詳详誠诚" +
	"誤误說说誰谁請请諮咨謝谢證证譯译變变豐丰財财貢贡貨货質质購购費费" +
	"資资賞赏贊赞趕赶車车軍军輕轻載载輔辅輸输轉转農农連连運运過过違违" +
	"遠远適适選选遺遗還还邊边郵邮醫医針针銀银錄录錯错鍵键閉闭閒闲陣阵" +
	"陰阴陳陈陸陆階阶隨随險险隱隐雖虽雙双雜杂離离難难電电靈灵靜静韓韩" +
	"頓顿齊齐歲岁總总彙汇況况稱称編编緊紧線线網网紹绍終终綜综維维緒绪" +
	"續续績绩縮缩織织繼继罰罚羅罗聲声職职腦脑臨临舉举艱艰蘇苏華华萬万" +
	"葉叶著著號号複复親亲觀观訊讯託托記记訣诀訟讼訪访證证評评詢询試试" +
	"詩诗該该詳详誡诫誨诲認认誓誓語语誠诚課课調调談谈請请諸诸諾诺謀谋" +
	"謂谓講讲謙谦謹谨識识譜谱警警護护讀读變变讜谠貧贫責责貴贵買买費费" +
	"賀贺資资賦赋賬账賴赖質质贈赠贏赢贊赞趨趋跡迹躍跃較较輩辈輯辑輸输" +
	"辭辞農农邁迈郵邮鄰邻釋释鐵铁銷销鋒锋錢钱鍛锻鏈链長长門门閃闪閑闲" +
	"閣阁闊阔闡阐隊队陽阳隸隶雲云電电靂雳韌韧響响頂顶項项順顺須须頌颂" +
	"預预領领頻频題题額额顏颜願愿類类顧顾風风飯饭飾饰餘余驅驱驗验驚惊" +
	"體体髒脏鬧闹魯鲁鳳凤鹽盐麥麦黃黄齡龄龍龙團团圍围圖图圓圆場场塊块" +
	"壇坛壓压壘垒夠够夢梦奪夺奮奋姍姗婦妇媽妈孫孙學学寧宁寶宝實实審审" +
	"寫写將将專专尋寻對对導导屆届屬属歲岁幣币帥帅師师帶带幫帮廠厂廣广" +
	"廳厅張张強强彈弹後后徑径從从徵征德德恆恒惡恶慣惯態态慮虑應应懲惩" +
	"懷怀戰战戲戏拋抛掃扫掛挂採采換换損损搖摇據据擊击擔担擁拥擇择擬拟" +
	"擴扩攝摄攜携敵敌數数斷断於于時时晉晋晝昼暢畅曆历曉晓會会朧胧東东" +
	"條条來来傑杰極极構构標标樓楼樹树橋桥檔档權权歡欢歸归殘残殺杀毀毁" +
	"氣气決决況况治治沒没洩泄測测湧涌準准溝沟滅灭漢汉潛潜濟济濫滥灣湾" +
	"為为烏乌無无煙烟熱热燈灯爭争爺爷牆墙狀状獨独獎奖環环現现產产畫画" +
	"當当疊叠療疗發发盡尽監监盤盘眾众礎础確确禮礼禦御穩稳窮穷競竞筆笔" +
	"範范築筑簡简籌筹糧粮糾纠紅红約约級级紀纪純纯紙纸紛纷素素細细終终" +
	"組组絕绝給给統统絲丝經经綠绿緣缘練练縣县總总績绩繁繁纖纤罷罢義义" +
	"習习聖圣聞闻聯联聰聪肅肃脅胁腳脚與与舉举舊旧艦舰蓋盖蘊蕴處处號号" +
	"蟲虫衆众術术衛卫製制複复襲袭覽览規规視视親亲覺觉觀观訂订計计討讨" +
	"訓训記记設设診诊詞词誇夸認认說说課课請请諒谅論论謀谋謊谎謠谣謬谬" +
	"證证譽誉議议護护讓让貫贯貼贴賽赛趙赵跡迹蹤踪軌轨輪轮辦办農农這这" +
	"進进遞递遷迁選选遲迟遼辽還还邊边郵邮鄉乡醜丑釐厘鉤钩銜衔鋼钢錄录" +
	"鎖锁鎮镇鏡镜鑑鉴閉闭開开閘闸閥阀關关闢辟陣阵陳陈陸陆階阶隔隔隱隐" +
	"雜杂雞鸡離离難难電电霧雾靜静靠靠韓韩頁页頒颁頗颇顆颗飄飘飽饱驟骤" +
	"鬆松魚鱼鳴鸣麗丽黨党齒齿嚴严勞劳勢势勳勋匯汇協协卻却歷历壯壮聲声" +
	"週周滙汇彙汇週周嘗尝嚮向"

// fold returns the Simplified form of r when the table knows one, full-width
// digits as ASCII digits, and r itself otherwise.
func fold(r rune, table map[rune]rune) rune {
	if r >= '０' && r <= '９' {
		return r - '０' + '0'
	}
	if s, ok := table[r]; ok {
		return s
	}
	return r
}

// lexicon is a word list indexed by its words' first and last runes, so
// that asking "does a word of the list start (or end) here" costs a map
// look-up rather than a pass over the list. Earlier words win.
type lexicon struct {
	byFirst, byLast map[rune][][]rune
}

func newLexicon(words []string) lexicon {
	l := lexicon{map[rune][][]rune{}, map[rune][][]rune{}}
	for _, w := range words {
		rs := []rune(w)
		l.byFirst[rs[0]] = append(l.byFirst[rs[0]], rs)
		l.byLast[rs[len(rs)-1]] = append(l.byLast[rs[len(rs)-1]], rs)
	}
	return l
}

// prefix returns the length of the first word that starts rs, or 0.
func (l lexicon) prefix(rs []rune) int {
	if len(rs) == 0 {
		return 0
	}
	for _, w := range l.byFirst[rs[0]] {
		if len(w) <= len(rs) && equalRunes(rs[:len(w)], w) {
			return len(w)
		}
	}
	return 0
}

// suffix returns the length of the first word that ends rs, or 0.
func (l lexicon) suffix(rs []rune) int {
	if len(rs) == 0 {
		return 0
	}
	for _, w := range l.byLast[rs[len(rs)-1]] {
		if len(w) <= len(rs) && equalRunes(rs[len(rs)-len(w):], w) {
			return len(w)
		}
	}
	return 0
}

func equalRunes(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// The lookup tables are built once, on first use, and never written after:
// they are constants in a form Go cannot spell as a constant, not state.
// Building them on every call cost more than extracting from a short
// text; building them at every start cost every command that reads no
// plan.
var (
	foldMap     = sync.OnceValue(foldTable)
	openerWords = sync.OnceValue(func() lexicon { return newLexicon(openers) })
	closerWords = sync.OnceValue(func() lexicon { return newLexicon(closers) })
)

// foldTable builds the lookup from tradToSimp.
func foldTable() map[rune]rune {
	rs := []rune(tradToSimp)
	m := make(map[rune]rune, len(rs)/2)
	for i := 0; i+1 < len(rs); i += 2 {
		if rs[i] != rs[i+1] {
			m[rs[i]] = rs[i+1]
		}
	}
	return m
}
