/*
 * ar_lexicon.c
 *	  Built-in lexicon of the entity engine: function words, frequent verbs,
 *	  months, weekdays, number scales, currencies and trigger words.
 *
 * Words are written in ordinary spelling; ar_gaz_add_word normalizes them, so
 * one spelling stands for its alef/yeh/teh-marbuta variants.  The lists are
 * grammar, not names: names live in data/gazetteer.tsv.
 */
#include <string.h>

#include "ar_dates.h"
#include "ar_gazetteer.h"

/* Function words, pronouns, particles, adverbs: never part of a name. */
static const char stopwords[] =
	"في من إلى الى إلي على عن مع بين حتى منذ خلال عبر لدى لدي عند نحو ضد حول دون "
	"قبل بعد بعدما قبيل فوق تحت أمام وراء خلف جانب ضمن وسط إثر اثر بشأن حيال تجاه "
	"و أو أم ثم بل لكن لكنه لكنها ولكن لأن لان كي لكي إذا اذا إذ لو لولا إن ان أن "
	"إنه انه أنه إنها انها أنها أنهم إنهم انهم أننا إننا أنني لأنه كأن كما مثل مثلما "
	"ما ماذا لماذا متى أين اين كيف كم هل لا لم لن ليس ليست قد لقد سوف "
	"هو هي هم هن هما أنا نحن أنت أنتم انت هذا هذه ذلك تلك هؤلاء أولئك هناك هنا "
	"الذي التي الذين اللذين اللتين اللواتي اللاتي من ما "
	"كل بعض جميع أي غير سوى عدة عدد أكثر اكثر أقل اقل أول اول آخر اخر أخرى اخرى "
	"أيضا ايضا فقط جدا حيث بينما أما اما إما وقد فقد كذلك لذلك لذا وإن وان "
	"نفس نفسه نفسها ذاته ذاتها عليه عليها عليهم منه منها منهم فيه فيها فيهم له لها لهم "
	"إليه اليه إليها به بها بهم عنه عنها معه معها لديه لديها بينهم "
	"يوم أيام اليوم أمس امس غدا الآن الان حاليا سابقا لاحقا مساء صباح ظهر ليلة "
	"عاما عام سنة العام السنة الأسبوع الاسبوع الشهر شهر أسبوع ساعة ساعات دقيقة "
	"رغم الرغم بسبب نتيجة وفق وفقا طبقا حسب بحسب إضافة اضافة بالإضافة علاوة "
	"يا أيها لقاء بدون إلا الا سواء أجل اجل ضمنها كلا كلتا "
	"وهو وهي وهم ولا ولم ولن وما ومن وفي وعلى وإلى والى وعن ومع وبين وقال "
	"صلى قالت فيما بما مما عما ممن لما كلما ربما طالما إنما انما";

static const char prepositions[] =
	"في من إلى الى إلي على عن مع بين حتى منذ خلال عبر لدى عند نحو ضد حول دون "
	"قبل بعد فوق تحت أمام وراء ضمن وسط إثر تجاه";

/* Frequent verbs of news prose (third person, both tenses). */
static const char verbs[] =
	"قال قالت يقول تقول قالوا أكد أكدت يؤكد تؤكد أعلن أعلنت يعلن تعلن أضاف أضافت "
	"يضيف تضيف أشار أشارت يشير تشير أوضح أوضحت يوضح توضح ذكر ذكرت يذكر تذكر "
	"أفاد أفادت يفيد أعرب أعربت يعرب دعا دعت يدعو تدعو طالب طالبت يطالب "
	"زار زارت يزور تزور التقى التقت يلتقي استقبل استقبلت يستقبل بحث بحثت يبحث "
	"وصل وصلت يصل غادر غادرت يغادر اعتبر اعتبرت يعتبر رأى رأت يرى تابع تابعت "
	"كان كانت يكون تكون كانوا أصبح أصبحت يصبح بات باتت ظل ظلت صار "
	"شارك شاركت يشارك ترأس ترأست يترأس افتتح افتتحت وقع وقعت يوقع "
	"أجرى أجرت يجري قام قامت يقوم تم يتم تمت أدى أدت يؤدي شهد شهدت يشهد "
	"نفى نفت ينفي رفض رفضت يرفض أبدى أبدت هدد هددت يهدد حذر حذرت يحذر "
	"قتل قتلت يقتل اعتقل اعتقلت أصيب أصيبت فاز فازت يفوز خسر خسرت "
	"أكد وأكد وأضاف وأشار وأوضح وذكر وأعلن وكان وكانت ويقول وتقول وقالت "
	"يمكن يجب ينبغي يعد تعد يعتبر يتوقع توقع توقعت أعرب اتهم اتهمت يتهم "
	"أصدر أصدرت يصدر نشر نشرت ينشر أجاب سأل سئل";

static const char time_words[] =
	"اليوم أمس امس غدا الآن حاليا مساء صباح الليلة الأسبوع الماضي المقبل القادم "
	"الجاري الحالي";

/* Between a title and a name: الرئيس السابق X, الراحل, … */
static const char modifiers[] =
	"السابق السابقة الراحل الراحلة الجديد الجديدة الحالي الحالية المنتهية "
	"المخلوع الأسبق الاسبق المستقيل المكلف المؤقت بالوكالة العام العامة "
	"الأعلى الاعلى الأول الاول الثاني التنفيذي التنفيذية المساعد المنتخب "
	"الدولي الدولية الخاص الخاصة الفخري المعين باسم";

/*
 * Words that are also given names: a lone occurrence is not taken as a
 * person (علي also spells the preposition على once ى is folded).
 */
static const char common_names[] =
	"علي جمال أمل امل سلام حسن كريم نور عادل أمين امين سعيد رشيد مجيد شريف عزيز "
	"جميل نبيل فؤاد وفاء سعادة نصر فتح صالح حميد كامل منصور ناصر فاضل عظيم سامي "
	"رائد عماد منير باسم هادي راضي ماجد وسيم فرح هدى عيسى موسى يحيى زكي أنور "
	"بشير نجاح سعد فهد صقر ليث أسد اسد نمر قاسم هاشم طاهر مبارك بدر قمر شمس "
	"عمر عامر غالب منتصر حر حرية عدل عبد بن أبو ابو آل "
	/* also a common word: مالي financial, سيدي sir, بن son */
	"مالي سيدي";

/* Regnal ordinals that end a name (عبد الله الثاني, محمد السادس). */
static const char ordinals[] =
	"الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر "
	"الحادي عشر السادس عشر";

static const char connectors[] =
	"بن ابن بنت أبو ابو أبي ابي عبد آل ولد دي دا فان فون سيدي";

static const char weekdays[] =
	"السبت الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة "
	"سبت أحد اثنين ثلاثاء أربعاء خميس جمعة";

static const struct
{
	const char *name;
	int			month;
}			months[] =
{
	/* common (Egypt, Gulf) */
	{"يناير", 1}, {"فبراير", 2}, {"مارس", 3}, {"أبريل", 4}, {"إبريل", 4}, {"ابريل", 4},
	{"مايو", 5}, {"يونيو", 6}, {"يونيه", 6}, {"يوليو", 7}, {"يوليه", 7}, {"أغسطس", 8},
	{"سبتمبر", 9}, {"أكتوبر", 10}, {"نوفمبر", 11}, {"ديسمبر", 12},
	/* Levant, Iraq */
	{"كانون الثاني", 1}, {"شباط", 2}, {"آذار", 3}, {"نيسان", 4}, {"أيار", 5},
	{"حزيران", 6}, {"تموز", 7}, {"آب", 8}, {"أيلول", 9}, {"تشرين الأول", 10},
	{"تشرين الثاني", 11}, {"كانون الأول", 12},
	/* Algeria, Tunisia */
	{"جانفي", 1}, {"فيفري", 2}, {"أفريل", 4}, {"ماي", 5}, {"جوان", 6},
	{"جويلية", 7}, {"أوت", 8},
	/* Morocco */
	{"يوليوز", 7}, {"غشت", 8}, {"شتنبر", 9}, {"نونبر", 11}, {"دجنبر", 12},
	/* Hijri: 100 + month */
	{"محرم", 101}, {"صفر", 102}, {"ربيع الأول", 103}, {"ربيع الأخر", 104},
	{"ربيع الآخر", 104}, {"ربيع الثاني", 104}, {"جمادى الأولى", 105},
	{"جمادى الأول", 105}, {"جمادى الآخرة", 106}, {"جمادى الثانية", 106},
	{"جمادى الآخر", 106}, {"رجب", 107}, {"شعبان", 108}, {"رمضان", 109},
	{"شوال", 110}, {"ذو القعدة", 111}, {"ذي القعدة", 111}, {"ذو الحجة", 112},
	{"ذي الحجة", 112},
};

/* Month words that are too often something else to stand without a day/year. */
static const char month_ambiguous[] = "مارس ماي آب صفر رجب نيسان";

static const struct
{
	const char *name;
	int			power;
}			scales[] =
{
	{"ألف", 3}, {"آلاف", 3}, {"الف", 3}, {"ألفا", 3}, {"مليون", 6}, {"ملايين", 6},
	{"مليونا", 6}, {"مليار", 9}, {"مليارات", 9}, {"مليارا", 9}, {"بليون", 9},
	{"بلايين", 9}, {"ملايير", 9}, {"تريليون", 12}, {"ترليون", 12},
};

/* Currency words; the index is the wval, resolved in ar_dates.c. */
static const struct
{
	const char *names;
	int			id;
}			currencies[] =
{
	{"دولار دولارا دولارات الدولار الدولارات", 1},
	{"يورو اليورو", 2},
	{"درهم دراهم درهما الدرهم", 3},
	{"دينار دنانير دينارا الدينار", 4},
	{"ريال ريالات ريالا الريال", 5},
	{"جنيه جنيهات جنيها الجنيه", 6},
	{"ليرة ليرات الليرة", 7},
	{"شيكل شيكلا الشيكل شيقل", 8},
	{"ين الين", 9},
	{"روبل روبلات الروبل", 10},
	{"فرنك فرنكات الفرنك", 11},
	{"روبية روبيات الروبية", 12},
	{"يوان اليوان", 13},
	{"إسترليني استرليني الإسترليني", 14},
};

/* Person titles, kept out of the person span. */
static const char titles[] =
	"السيد السيدة الآنسة الرئيس الرئيسة الملك الملكة الأمير الأميرة الشيخ الشيخة "
	"الدكتور الدكتورة القاضي القاضية الإمام الجنرال العقيد اللواء العميد المشير "
	"الأستاذ الأستاذة المهندس المهندسة الحاج الحاجة البابا الكاردينال المطران الأب "
	"العاهل الزعيم القائد الداعية المفكر الكاتب الكاتبة الشاعر الشاعرة الروائي "
	"الروائية الفنان الفنانة الممثل الممثلة المخرج المخرجة المغني المغنية المطرب "
	"المطربة الصحفي الصحفية الصحافي الصحافية اللاعب اللاعبة المدرب النجم النجمة "
	"المحامي المحامية المستشارة الرقيب النقيب الملازم المقدم الوزير الوزيرة "
	"السلطان السير مستر مسيو مدام الفيلسوف الموسيقار الملحن "
	"سماحة فضيلة معالي فخامة سمو "
	"رئيس رئيسة وزير وزيرة نائب نائبة أمين مدير مديرة سفير سفيرة قائد زعيم "
	"مستشار مستشارة المتحدث الناطق المتحدثة الناطقة مندوب مندوبة ممثل محافظ عمدة "
	"المدير المديرة السفير المندوب الممثل المحافظ النائب المستشار الأمين رئيسا "
	"نظيره نظيرته";

/* Titles that take a genitive complement before the name. */
static const char genitive_titles[] =
	"رئيس رئيسة وزير وزيرة نائب نائبة أمين الأمين مدير مديرة سفير سفيرة قائد زعيم "
	"مستشار مستشارة المتحدث الناطق المتحدثة الناطقة مندوب مندوبة ممثل محافظ عمدة "
	"المدير المديرة السفير المندوب الممثل المحافظ النائب المستشار الوزير الوزيرة "
	"رئيسا العاهل الملك";

/* Heads of organization names completed by a genitive chain. */
static const char org_heads[] =
	"منظمة وزارة هيئة مديرية نقابة مفوضية جامعة معهد مجلس محكمة بنك مصرف وكالة "
	"جمعية اتحاد حزب حركة جبهة مؤسسة لجنة صندوق منتدى رابطة تجمع ائتلاف تحالف "
	"كلية أكاديمية مجمع مكتب دائرة سلطة برلمان كتلة تيار "
	"مصلحة إدارة ادارة بورصة غرفة اتحادية نادي فريق شركة صحيفة جريدة مجلة قناة "
	"إذاعة تلفزيون منتخب أولمبيك اولمبيك مستقبل شبيبة المنظمة الوزارة الهيئة المديرية النقابة المفوضية "
	"الجامعة المعهد المجلس المحكمة البنك المصرف الوكالة الجمعية الاتحاد الحزب "
	"الحركة الجبهة المؤسسة اللجنة الصندوق المنتدى الرابطة الأكاديمية المكتب "
	"السلطة البرلمان الكلية الغرفة البورصة";

/* Heads whose following name is the organization by itself (شركة نوكيا). */
static const char descriptor_heads[] =
	"نادي فريق شركة صحيفة جريدة مجلة قناة إذاعة منتخب تلفزيون حركة";

/* Words announcing a place name. */
static const char loc_heads[] =
	"مدينة المدينة عاصمة العاصمة ولاية محافظة إقليم اقليم مقاطعة بلدة قرية "
	"جزيرة منطقة جمهورية مملكة إمارة امارة سلطنة دولة بلاد شمال جنوب شرق غرب "
	"شمالي جنوبي شرقي غربي وسط ضاحية حي مخيم نهر جبل بحيرة ميناء مطار";

static const char strong_loc_heads[] =
	"مدينة عاصمة العاصمة ولاية محافظة إقليم اقليم مقاطعة بلدة قرية جزيرة ضاحية مخيم";

static int
add_list(ar_gaz *g, const char *list, uint32_t flags, int val)
{
	const char *p = list;

	while (*p)
	{
		const char *e;
		char		word[128];

		while (*p == ' ')
			p++;
		e = p;
		while (*e && *e != ' ')
			e++;
		if (e > p && (size_t) (e - p) < sizeof(word))
		{
			memcpy(word, p, (size_t) (e - p));
			word[e - p] = '\0';
			if (ar_gaz_add_word(g, word, flags, val) != 0)
				return -1;
		}
		p = e;
	}
	return 0;
}

/* Add every word of list as a gazetteer row of a trigger kind. */
static int
add_kind(ar_gaz *g, const char *list, ar_etype kind)
{
	const char *p = list;

	while (*p)
	{
		const char *e;

		while (*p == ' ')
			p++;
		e = p;
		while (*e && *e != ' ')
			e++;
		if (e > p && ar_gaz_add(g, p, (size_t) (e - p), kind, NULL, 0) != 0)
			return -1;
		p = e;
	}
	return 0;
}

int
ar_lexicon_load(ar_gaz *g)
{
	size_t		i;

	if (add_list(g, stopwords, AR_W_STOP, 0) || add_list(g, prepositions, AR_W_PREP, 0) ||
		add_list(g, verbs, AR_W_VERB, 0) || add_list(g, time_words, AR_W_TIME, 0) ||
		add_list(g, modifiers, AR_W_MODIFIER, 0) ||
		add_list(g, common_names, AR_W_COMMON, 0) ||
		add_list(g, connectors, AR_W_CONNECT, 0) ||
		add_list(g, ordinals, AR_W_ORDINAL, 0) ||
		add_list(g, weekdays, AR_W_WEEKDAY, 0) ||
		add_list(g, "عام سنة العام السنة", AR_W_YEARWORD, 0) ||
		add_list(g, "بالمئة بالمائة المئة المائة", AR_W_PERCENT, 0) ||
		add_list(g, "هـ ه", AR_W_HIJRI_MARK, 0) ||
		add_list(g, "م", AR_W_AD_MARK, 0) ||
		add_list(g, genitive_titles, AR_W_GENITIVE, 0) ||
		add_list(g, descriptor_heads, AR_W_DESCRIPTOR, 0) ||
		add_list(g, strong_loc_heads, AR_W_STRONG, 0))
		return -1;
	for (i = 0; i < sizeof(months) / sizeof(months[0]); i++)
	{
		const char *sp = strchr(months[i].name, ' ');
		char		first[64];

		if (ar_gaz_add_word(g, months[i].name, AR_W_MONTH, months[i].month) != 0)
			return -1;
		/* the first word of كانون الثاني lets the date recognizer try there */
		if (sp && (size_t) (sp - months[i].name) < sizeof(first))
		{
			memcpy(first, months[i].name, (size_t) (sp - months[i].name));
			first[sp - months[i].name] = '\0';
			if (ar_gaz_add_word(g, first, AR_W_MONTH2, 0) != 0)
				return -1;
		}
	}
	if (add_list(g, month_ambiguous, AR_W_COMMON, 0))
		return -1;
	for (i = 0; i < sizeof(scales) / sizeof(scales[0]); i++)
		if (ar_gaz_add_word(g, scales[i].name, AR_W_SCALE, scales[i].power) != 0)
			return -1;
	for (i = 0; i < sizeof(currencies) / sizeof(currencies[0]); i++)
		if (add_list(g, currencies[i].names, AR_W_CURRENCY, currencies[i].id))
			return -1;
	if (ar_dates_lexicon(g) != 0)
		return -1;
	if (add_kind(g, titles, AR_G_TITLE) || add_kind(g, org_heads, AR_G_ORG_HEAD) ||
		add_kind(g, loc_heads, AR_G_LOC_HEAD) ||
		ar_gaz_add(g, "الأمين العام", strlen("الأمين العام"), AR_G_TITLE, NULL, 0) ||
		ar_gaz_add(g, "رئيس الوزراء", strlen("رئيس الوزراء"), AR_G_TITLE, NULL, 0) ||
		ar_gaz_add(g, "رئيس الحكومة", strlen("رئيس الحكومة"), AR_G_TITLE, NULL, 0) ||
		ar_gaz_add(g, "وزير الخارجية", strlen("وزير الخارجية"), AR_G_TITLE, NULL, 0) ||
		ar_gaz_add(g, "المديرية العامة", strlen("المديرية العامة"), AR_G_ORG_HEAD, NULL, 0))
		return -1;
	return 0;
}
