// gen_corpus: writes a synthetic corpus of scraped news pages.
//
//   gen_corpus --out DIR --pages N [--seed S] [--format html|text|mixed]
//              [--days D]  (stories dated over D days, default 1000)
//              [--manifest FILE]
//
// Every page is one file, DIR/NNNN/page-NNNNNNN.{html,txt}, at most 1000 a
// folder. Pages carry invented news prose about an invented conflict (every
// place, person and outlet below is made up) wrapped in invented site chrome:
// <head> meta, a nav menu, breadcrumbs, an <article> with title, byline and
// dateline, a share bar, comments, a newsletter box, related links and a
// footer, padded with inline CSS/JS to 15-40 KB like real pages.
//
// About 5% of the pages are near-duplicates of an earlier story (same text
// on another outlet's chrome, one sentence rewritten) and about 1% exact
// re-publications (the identical article text on another outlet's chrome).
// --manifest writes one TSV line a page: path, kind, story, of-page.
//
// The output depends only on the arguments (own PRNG, no std distributions),
// so a seed names a corpus.
#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace {

// ---------------------------------------------------------------- random

uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(Mix(seed)) {}
  uint64_t Next() { return s_ = Mix(s_); }
  // Uniform in [0, n).
  uint32_t Below(uint32_t n) {
    return static_cast<uint32_t>(((Next() >> 32) * static_cast<uint64_t>(n)) >> 32);
  }
  // Uniform in [lo, hi].
  int Range(int lo, int hi) {
    return lo + static_cast<int>(Below(static_cast<uint32_t>(hi - lo + 1)));
  }
  bool Chance(double p) {
    return static_cast<double>(Next() >> 11) * (1.0 / 9007199254740992.0) < p;
  }
  template <size_t N>
  const char* Pick(const char* const (&arr)[N]) {
    return arr[Below(static_cast<uint32_t>(N))];
  }

 private:
  uint64_t s_;
};

// ------------------------------------------------------------ vocabulary
// All invented for this generator.

const char* const kPlaces[] = {
    "Northvale",      "Kestrel Ridge", "Osterby",       "Lower Dunmere",
    "Saltmarsh",      "Vellan",        "Copperfen",     "Brackwater",
    "Thornwick",      "Ashgrove",      "Marrowby",      "Pellingford",
    "Stonecross",     "Redmoor",       "Greyhaven",     "Tarnfield",
    "Millbrook",      "Sedgewick",     "Corran Heights", "Lowmere",
    "Harrowgate Fen", "Quillon",       "Emberly",       "Dunraith",
    "Calder Mouth",   "West Fallow",   "Orchard Hill",  "Bramstead",
};
const char* const kTalksTowns[] = {
    "Orrin Falls", "Harbourton", "Lake Semmery", "Port Avelin", "Castell Ard",
};
const char* const kActors[] = {
    "the defence ministry",    "the Highland Council",
    "the eastern command",     "the provisional authority",
    "the interior ministry",   "the Northvale militia",
    "the Coastal Alliance",    "the border guard service",
    "the regional governor's office", "the Free Uplands movement",
};
const char* const kMissions[] = {
    "the joint observation mission", "the ceasefire monitoring group",
    "the contact-line verification team",
};
const char* const kAgencies[] = {
    "the Red Lantern relief agency", "the Valley Water Trust",
    "the emergency services ministry", "Doctors of the Marches",
    "the Civic Shelter Fund",
};
const char* const kMediators[] = {
    "the Council of Lakes", "envoys from Tessaly", "the Meridian Forum",
    "the Ardent Contact Group",
};
const char* const kWeapons[] = {
    "artillery fire", "mortar rounds", "armed drones", "rocket salvoes",
    "tank shells",    "heavy machine-gun fire", "cluster munitions",
};
const char* const kObjects[] = {
    "the grain terminal",     "a water pumping station", "the railway depot",
    "the Vellan bridge",      "a power substation",      "residential blocks",
    "the district hospital",  "supply lorries",          "a fuel depot",
    "the market square",      "the ferry landing",       "a school building",
    "the old textile mill",   "the bus station",
};
const char* const kFirstNames[] = {
    "Arvid", "Mira",  "Tomas",  "Ilse",   "Dorian", "Katja", "Benedek",
    "Sarai", "Lukan", "Petra",  "Oren",   "Elske",  "Radomir", "Linnea",
    "Cassius", "Yara", "Halvard", "Noemi", "Teodor", "Annick",
};
const char* const kSurnames[] = {
    "Tamsel",  "Vantreck", "Holmgard", "Pasquin", "Dellacroy", "Marrick",
    "Sobel",   "Kessany",  "Drummore", "Ferrant", "Ilvane",    "Corvash",
    "Brenholt", "Ruvane",  "Oakenfold", "Strand", "Vesperin",  "Lindqvar",
};
const char* const kRanks[] = {
    "Colonel", "Major", "Deputy Minister", "Governor", "spokesman",
    "spokeswoman", "mission chief", "district head",
};
const char* const kJobs[] = {
    "baker", "retired teacher", "tractor driver", "nurse", "shopkeeper",
    "student", "fisherman", "bus driver", "pensioner", "volunteer",
};
const char* const kVictims[] = {"civilians", "soldiers", "aid workers",
                                "residents", "people"};
const char* const kSupplies[] = {
    "flour and medicine", "drinking water", "generators and fuel",
    "blankets and stoves", "baby food", "building materials",
};
const char* const kTopics[] = {
    "a prisoner exchange", "the withdrawal of heavy weapons",
    "access for repair crews", "the reopening of the Vellan crossing",
    "demining of farmland", "the return of displaced families",
};
const char* const kGoods[] = {"bread", "petrol", "cooking gas", "potatoes",
                              "firewood", "medicine"};
const char* const kWhen[] = {"next week", "within days", "before the end of the month",
                             "as early as Friday", "once lists are agreed"};
const char* const kTimes[] = {
    "overnight", "shortly after midnight", "at dawn", "late in the evening",
    "in the early hours", "around noon",
};
const char* const kWeekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                 "Friday", "Saturday", "Sunday"};
const char* const kMonths[] = {"January", "February", "March",     "April",
                               "May",     "June",     "July",      "August",
                               "September", "October", "November", "December"};

// Sentence templates. {slot}s are filled by Expand(); a capital first letter
// in the slot name ({Actor}) capitalises the filler; {a|b|c} picks one of
// the alternatives, so that two stories built from one template still
// differ every few words (as two reporters' sentences would).
const char* const kLeadTemplates[] = {
    "{Weapon} {hit|struck|slammed into} {object} in {place} {time}, {actor} "
    "{said|reported|announced} on {weekday}, {hours after|a day after|only "
    "hours after} both sides {had agreed to|had signed up to|had accepted} a "
    "{local|partial|temporary} pause in {fighting|hostilities}.",
    "{Actor} {accused|blamed} {actor2} {of breaking|of violating|for "
    "breaching} the {ceasefire|truce} {around|near|outside} {place} {time}, "
    "saying {weapon} had {struck|hit|damaged} {object}.",
    "At least {num} {victims} were {hurt|wounded|injured} when {weapon} "
    "{hit|struck} {object} in {place} {time}, {officials|local "
    "authorities|emergency workers} said.",
    "The {ceasefire|truce|fragile pause} {around|in|near} {place} {came under "
    "renewed strain|was tested again|looked close to collapse} {time} as "
    "{weapon} {hit|struck} {object}, according to {mission}.",
    "Aid convoys {reached|arrived in|got through to} {place} on {weekday} for "
    "the first time in {num} {weeks|days}, {bringing|carrying|delivering} "
    "{supplies} to {families|residents|households} cut off by the "
    "{fighting|siege|shelling}.",
};
const char* const kBodyTemplates[] = {
    "{Official} said {qty} {victims} had been {hurt|wounded|injured} and that "
    "{object} {had been badly damaged|was partly destroyed|could no longer "
    "be used}.",
    "Monitors from {mission} {recorded|counted|logged} {num} "
    "{explosions|blasts|detonations} between {hour} and {hour2} but {did "
    "not say|could not establish|declined to say} which side fired first.",
    "{Actor2} {denied|rejected|dismissed} the {accusation|claim|charge}, "
    "saying its {units|troops|forces} had only {returned fire|responded} "
    "after {weapon} {hit|landed on|struck} positions near {place2}.",
    "\xE2\x80\x9CWe {saw|heard|watched} {flashes|explosions|the sky light up} "
    "over {place} all night,\xE2\x80\x9D said {person}, a {job} who "
    "{lives|works|has a house} near {object}. \xE2\x80\x9C{Nobody slept.|The "
    "children were terrified.|We are tired of hiding.}\xE2\x80\x9D",
    "The {num}-day {truce|ceasefire} was {agreed|signed|brokered} in {town} "
    "on {month} {day} after {num2} rounds of {talks|negotiations} "
    "{mediated|hosted|chaired} by {mediator}.",
    "Under the {deal|agreement|arrangement}, both sides {were to|had "
    "promised to|agreed to} pull heavy weapons back {km} kilometres from the "
    "{contact line|front line|line of separation} around {place}.",
    "{Aid convoys|Lorries|Relief trucks} carrying {supplies} "
    "{reached|arrived in} {place2} on {weekday}, {agency} said.",
    "{Electricity|Power} was {restored|switched back on} {to|for} {big} "
    "{households|homes|families} in {place} late on {weekday}, but "
    "{water supplies|gas and water|heating} {remained cut|were still "
    "off|had not returned}.",
    "{Actor} said it had {evacuated|moved|bused out} {qty} people from "
    "{place} and {place2} since {the start of the month|{month}|the truce "
    "began}.",
    "{Negotiators|Delegations|Envoys} are {due|expected|set} to meet again in "
    "{town} on {weekday} to {discuss|try to settle|work on} {topic}.",
    "{Diplomats|People close to the talks|Two officials} said the "
    "{talks|negotiations} had {stalled|stuck|run into trouble} over {topic}.",
    "{Official} told {reporters|journalists|a news conference} the situation "
    "{around|in} {place} was \xE2\x80\x9C{tense but under control|difficult "
    "but stable|calm for now}\xE2\x80\x9D.",
    "{Satellite images|Drone footage|Photographs} {reviewed|examined|seen} by "
    "{mission} showed {fresh|new|several} craters near {object} "
    "{outside|north of|south of} {place}.",
    "Schools in {place} will {stay|remain} closed until at least {weekday}, "
    "the {district administration|local council|education office} said.",
    "Residents of {place} {queued|lined up|waited for hours} for "
    "{bread and fuel|water and bread|fuel and medicine} as shops "
    "{reopened|opened briefly} on {weekday}.",
    "A patrol of {mission} was {turned back|stopped|refused entry} at a "
    "checkpoint near {place2} and {could not reach|never got to|had to "
    "abandon its visit to} {object}.",
    "{Actor} has {repeatedly|again|long} {called for|demanded|asked for} "
    "{international|independent|foreign} observers to be "
    "{stationed|deployed|posted} in {place}.",
    "Fighting {around|near|in} {place} has {displaced|uprooted|driven out} "
    "an estimated {big} people since {month}, according to {agency}.",
    "A {spokeswoman|spokesman|coordinator} for {agency} said {at least|more "
    "than|nearly} {num} trucks of {supplies} were {waiting|stuck|held up} at "
    "the {place2} crossing.",
    "{Official} said {actor} would {not accept|reject|never sign} any "
    "{deal|agreement|settlement} that left {place} outside its control.",
    "Prices of {goods} in {place} have {risen|climbed|jumped} by {pct} "
    "percent since the fighting {resumed|restarted|flared again}, "
    "{traders|shopkeepers|market sellers} said.",
    "It was not possible to {independently verify|confirm|check} the "
    "{reports|accounts|claims} from {place}.",
    "{Actor2} said {num} of its {servicemen|fighters|soldiers} had been "
    "{wounded|injured|hurt} near {place2}.",
    "{Weapon} also {hit|struck} {object} in {place2}, {starting|causing} a "
    "fire that {burned|raged|smouldered} for {several|two|many} hours, "
    "{local officials|firefighters|witnesses} said.",
    "{Local radio|A local news channel|The regional broadcaster} in {place} "
    "reported that {air raid sirens|sirens|warning sirens} sounded {num} "
    "times during the night.",
    "The {ceasefire|truce} had {largely|mostly|broadly} held for {num} "
    "{weeks|days} before the {latest|recent|new} clashes around {place}.",
    "{Mediator} {urged|called on|asked} both sides to {show "
    "restraint|hold fire|keep to the deal} and to let repair crews reach "
    "{object}.",
    "{Engineers|Deminers|Army sappers} began clearing {mines|unexploded "
    "shells|ordnance} from {farmland|fields|orchards} near {place} on "
    "{weekday}, the emergency services said.",
    "{Official} said a {prisoner exchange|swap of detainees|release of "
    "prisoners} involving {num} {detainees|people|captives} could take place "
    "{when}.",
    "Both sides have accused each other of using the {pause|truce|lull} to "
    "{move|bring|shift} {troops|armour|artillery} toward {place2}.",
    "{Footage|Video|Images} {shared|posted|circulated} on local channels "
    "showed {smoke|flames|a column of smoke} rising above {object} in "
    "{place}.",
    "{Agency} warned that {num2} villages around {place} were still without "
    "{medical supplies|clean water|heating|doctors}.",
    "Farmers near {place} said they had not {reached|worked|been able to "
    "enter} their fields for {num} {weeks|days} and {feared losing|could "
    "lose|expected to lose} the {harvest|winter crop|barley}.",
    "The mission said it would {publish|release|issue} a {fuller|detailed|"
    "complete} account of the {incidents|violations|night's events} by "
    "{weekday}.",
    "{Hospital staff|Doctors|Nurses} in {place} said they had {treated|"
    "admitted|operated on} {num} {patients|people|casualties} since "
    "{weekday}, {most of them|many of them|several} {with shrapnel "
    "wounds|with burns|children}.",
    "The {railway|rail line|main road} between {place} and {place2} "
    "{remained closed|was reopened|was cut again} on {weekday}, {stranding|"
    "delaying|affecting} {qty} {passengers|travellers|lorries}.",
    "{Actor} {published|released|circulated} a {map|list|video} it said "
    "{showed|proved|documented} {num} violations by {actor2} in the past "
    "{week|fortnight|month}.",
    "{In|Across|Throughout} {place}, {volunteers|neighbours|church groups} "
    "{handed out|distributed|delivered} {supplies} to {elderly "
    "residents|families|those who stayed}.",
    "{Analysts|Military observers|Former officers} {said|noted|believe} the "
    "{shelling|fighting|clashes} around {place} {was meant to|could|might} "
    "{strengthen|test|weaken} {actor}'s hand {before|ahead of} the talks in "
    "{town}.",
    "{Curfew|A night curfew|A curfew from 10 p.m.} {remains|is still|stays} "
    "in force in {place}, {and|while} {checkpoints|roadblocks|patrols} "
    "{ring|surround|guard} the {centre|old town|station district}.",
    "{Telephone|Mobile} and {internet|radio} {links|connections|networks} "
    "to {place} were {cut|down|patchy} for {num} hours, {making it hard|so "
    "it was difficult} to {confirm|check|verify} {casualty figures|the "
    "damage|the reports}.",
};
const char* const kTitleTemplates[] = {
    "{Weapon} {hit|pound|strike} {place} as truce talks {stall|falter|drag on}",
    "{Ceasefire|Truce} under strain after night of {shelling|strikes} near "
    "{place}",
    "{Actor} {reports|counts|lists} {num} violations around {place}",
    "Aid reaches {place} for first time in {num} {weeks|days}",
    "Talks in {town} end without deal on {topic}",
    "{Residents|Families|Hundreds} {leave|flee|quit} {place} as fighting "
    "{resumes|returns|spreads}",
    "Monitors count {num} explosions near {place} {overnight|in one night}",
    "Power restored in {place} after strike on {object}",
    "{Actor} and {actor2} trade blame over {place} clashes",
    "Prisoner exchange could happen {when}, {actor} says",
    "{Schools|Shops|Clinics} in {place} {shut|close} again as {shelling|"
    "fighting} {intensifies|nears}",
    "{Mediator} {presses|urges} both sides to {hold|save|extend} {place} "
    "truce",
};
const char* const kCommentTemplates[] = {
    "Same story every week. When will anyone actually stop shooting?",
    "Thanks for the update. My parents still live in {place} and the phone "
    "lines have been down since {weekday}.",
    "Does anyone know if the road past {object} is open again?",
    "I don't trust either side's numbers. Wait for {mission}.",
    "The people of {place} deserve better than this.",
    "Another truce, another broken promise. {Actor} never keeps its word.",
    "Where can I donate to {agency}?",
    "Good reporting as always. Please keep covering {place}.",
    "{num} explosions in one night is not a ceasefire.",
    "My cousin drives a bus in {place2}, he says it is quieter this week.",
};
const char* const kUserParts1[] = {"birch", "river", "salt", "grey", "north",
                                   "amber", "quiet", "iron", "meadow", "frost"};
const char* const kUserParts2[] = {"walker", "fox", "reader", "gull", "smith",
                                   "owl", "wind", "stone", "lark", "keeper"};

// Outlets and the chrome that goes with them.
struct Site {
  const char* name;
  const char* domain;  // under .example: reserved, never a real site
  const char* cls;     // CSS class prefix
  int date_style;      // see FormatDate
  int byline_style;
};
const Site kSites[] = {
    {"The Northvale Courier", "northvalecourier.example", "nc", 0, 0},
    {"Meridian Wire", "meridianwire.example", "mw", 1, 1},
    {"Harbour Daily Ledger", "harbourledger.example", "hdl", 0, 2},
    {"Eastmarch Observer", "eastmarchobserver.example", "eo", 2, 0},
    {"Riverline Post", "riverlinepost.example", "rp", 1, 0},
    {"Saltmarsh Gazette", "saltmarshgazette.example", "sg", 3, 1},
    {"Kestrel Ridge Herald", "krherald.example", "krh", 0, 2},
    {"Frontier Dispatch", "frontierdispatch.example", "fd", 2, 1},
    {"Valley Bulletin", "valleybulletin.example", "vb", 3, 0},
    {"The Orrin Times", "orrintimes.example", "ot", 1, 2},
    {"Upland Voice", "uplandvoice.example", "uv", 0, 1},
    {"Copperfen News Network", "copperfen-news.example", "cfn", 2, 2},
};
constexpr uint32_t kNumSites = sizeof(kSites) / sizeof(kSites[0]);
const char* const kWires[] = {"Meridian Wire", "Lakes Press Agency",
                              "Uplands News Service"};
const char* const kNavItems[] = {
    "Home", "World", "Region", "Politics", "Conflict", "Economy", "Opinion",
    "Culture", "Sport", "Weather", "Video", "Podcasts", "Live", "Fact check",
    "Local", "Science",
};
const char* const kSections[] = {"Conflict", "Region", "World", "Politics"};
const char* const kFooterLinks[] = {
    "About us", "Contact", "Advertise", "Privacy policy", "Terms of use",
    "Corrections", "Careers", "Cookie settings", "Accessibility", "RSS feeds",
    "Newsletters", "Archive",
};
const char* const kCssProps[] = {
    "margin:0 4px", "padding:6px 12px", "color:#3a3a3a", "font-size:14px",
    "line-height:1.5", "display:flex", "border-bottom:1px solid #e2e2e2",
    "background:#f7f5f0", "font-weight:600", "text-transform:uppercase",
    "letter-spacing:.02em", "max-width:720px", "gap:8px", "opacity:.85",
};
const char* const kCssParts[] = {"nav", "item", "header", "card", "teaser",
                                 "link", "share", "comment", "footer",
                                 "promo", "badge", "grid", "media", "title"};

// ---------------------------------------------------------------- dates

struct Date {
  int y, m, d, weekday;  // weekday 0 = Monday
};

// Days since 1970-01-01 to civil date (proleptic Gregorian).
Date CivilFromDays(int64_t z) {
  const int64_t days = z;
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  Date out;
  out.y = static_cast<int>(y + (m <= 2));
  out.m = static_cast<int>(m);
  out.d = static_cast<int>(d);
  // 1970-01-01 was a Thursday (3).
  out.weekday = static_cast<int>(((days % 7) + 7 + 3) % 7);
  return out;
}

std::string Pad2(int v) {
  std::string s = std::to_string(v);
  return v < 10 ? "0" + s : s;
}

std::string IsoDate(const Date& d) {
  return std::to_string(d.y) + "-" + Pad2(d.m) + "-" + Pad2(d.d);
}

std::string FormatDate(const Date& d, int style) {
  switch (style) {
    case 0:
      return std::string(kMonths[d.m - 1]) + " " + std::to_string(d.d) + ", " +
             std::to_string(d.y);
    case 1:
      return std::to_string(d.d) + " " + kMonths[d.m - 1] + " " +
             std::to_string(d.y);
    case 2:
      return IsoDate(d);
    default:
      return Pad2(d.d) + "." + Pad2(d.m) + "." + std::to_string(d.y);
  }
}

// ---------------------------------------------------------------- stories

// The fixed cast of one story; sentences draw on it so a story hangs
// together.
struct Cast {
  const char* place;
  const char* place2;
  const char* town;
  const char* actor;
  const char* actor2;
  const char* mission;
  const char* agency;
  const char* mediator;
  std::string official;  // "Colonel Arvid Tamsel"
  std::string person;    // a resident
  Date date;
};

// Stories fall on `days` days from 2022-01-01.
Cast MakeCast(uint64_t story_seed, uint32_t days) {
  Rng r(story_seed ^ 0xca57ULL);
  Cast c;
  c.place = r.Pick(kPlaces);
  do c.place2 = r.Pick(kPlaces); while (c.place2 == c.place);
  c.town = r.Pick(kTalksTowns);
  c.actor = r.Pick(kActors);
  do c.actor2 = r.Pick(kActors); while (c.actor2 == c.actor);
  c.mission = r.Pick(kMissions);
  c.agency = r.Pick(kAgencies);
  c.mediator = r.Pick(kMediators);
  c.official = std::string(r.Pick(kRanks)) + " " + r.Pick(kFirstNames) + " " +
               r.Pick(kSurnames);
  c.person = std::string(r.Pick(kFirstNames)) + " " + r.Pick(kSurnames);
  // 2022-01-01 is day 18993.
  c.date = CivilFromDays(18993 + r.Range(0, static_cast<int>(days)));
  return c;
}

void AppendCapitalised(std::string& out, std::string_view s, bool cap) {
  size_t at = out.size();
  out.append(s);
  if (cap && at < out.size() && out[at] >= 'a' && out[at] <= 'z') {
    out[at] = static_cast<char>(out[at] - 'a' + 'A');
  }
}

// Fills a template's {slots} from the cast and the random stream.
void Expand(std::string& out, std::string_view tmpl, const Cast& c, Rng& r) {
  size_t i = 0;
  while (i < tmpl.size()) {
    size_t open = tmpl.find('{', i);
    if (open == std::string_view::npos) {
      out.append(tmpl.substr(i));
      break;
    }
    out.append(tmpl.substr(i, open - i));
    size_t close;
    // Alternatives may hold one nested {slot}: find the matching brace.
    int depth = 0;
    for (close = open; close < tmpl.size(); ++close) {
      if (tmpl[close] == '{') ++depth;
      if (tmpl[close] == '}' && --depth == 0) break;
    }
    std::string_view key = tmpl.substr(open + 1, close - open - 1);
    i = close + 1;
    if (key.find('|') != std::string_view::npos) {
      std::vector<std::string_view> alts;
      size_t from = 0;
      int d = 0;
      for (size_t j = 0; j < key.size(); ++j) {
        if (key[j] == '{') ++d;
        if (key[j] == '}') --d;
        if (key[j] == '|' && d == 0) {
          alts.push_back(key.substr(from, j - from));
          from = j + 1;
        }
      }
      alts.push_back(key.substr(from));
      Expand(out, alts[r.Below(static_cast<uint32_t>(alts.size()))], c, r);
      continue;
    }
    const bool cap = key[0] >= 'A' && key[0] <= 'Z';
    std::string k(key);
    k[0] = static_cast<char>(k[0] | 0x20);  // lower-case the first letter
    std::string_view v;
    std::string tmp;
    if (k == "place") v = r.Chance(0.75) ? c.place : r.Pick(kPlaces);
    else if (k == "place2") v = r.Chance(0.75) ? c.place2 : r.Pick(kPlaces);
    else if (k == "town") v = c.town;
    else if (k == "actor") v = c.actor;
    else if (k == "actor2") v = c.actor2;
    else if (k == "mission") v = c.mission;
    else if (k == "agency") v = c.agency;
    else if (k == "mediator") v = c.mediator;
    else if (k == "official") {
      if (r.Chance(0.7)) {
        v = c.official;
      } else {
        tmp = std::string(r.Pick(kRanks)) + " " + r.Pick(kFirstNames) + " " +
              r.Pick(kSurnames);
        v = tmp;
      }
    }
    else if (k == "person") v = c.person;
    else if (k == "weapon") v = r.Pick(kWeapons);
    else if (k == "object") v = r.Pick(kObjects);
    else if (k == "victims") v = r.Pick(kVictims);
    else if (k == "supplies") v = r.Pick(kSupplies);
    else if (k == "topic") v = r.Pick(kTopics);
    else if (k == "goods") v = r.Pick(kGoods);
    else if (k == "when") v = r.Pick(kWhen);
    else if (k == "time") v = r.Pick(kTimes);
    else if (k == "job") v = r.Pick(kJobs);
    else if (k == "weekday") v = kWeekdays[(c.date.weekday + r.Range(0, 6)) % 7];
    else if (k == "month") v = kMonths[(c.date.m + 11 - r.Below(3)) % 12];
    else if (k == "day") v = tmp = std::to_string(r.Range(1, 28));
    else if (k == "num") v = tmp = std::to_string(r.Range(2, 60));
    else if (k == "num2") v = tmp = std::to_string(r.Range(2, 12));
    else if (k == "qty") v = tmp = "at least " + std::to_string(r.Range(3, 400));
    else if (k == "big") v = tmp = std::to_string(r.Range(1, 95) * 1000 + r.Range(0, 9) * 100);
    else if (k == "km") v = tmp = std::to_string(r.Range(5, 30));
    else if (k == "pct") v = tmp = std::to_string(r.Range(10, 180));
    else if (k == "hour") v = tmp = std::to_string(r.Range(8, 11)) + " p.m.";
    else if (k == "hour2") v = tmp = std::to_string(r.Range(1, 5)) + " a.m.";
    else v = key;  // unknown slot: visible in the output, easy to spot
    AppendCapitalised(out, v, cap);
  }
}

struct Story {
  uint64_t seed;
  Cast cast;
  std::string title;
  std::string author;
  const char* wire;  // wire service named in the dateline
  std::vector<uint32_t> order;  // of kBodyTemplates, shuffled
  std::vector<std::vector<std::string>> paragraphs;  // sentences
  std::vector<std::vector<size_t>> numbers;  // sentence numbers (Sentence k)
};

// Sentence number `k` of a story (counting from the lead), from its own
// random stream so that one sentence can be rewritten (variant != 0) without
// disturbing any other. Body sentences walk the story's own shuffled order
// of the templates, so a story rarely repeats itself.
std::string Sentence(const Story& s, size_t k, uint64_t variant) {
  Rng r(s.seed * 31 + k * 1009 + variant * 0x5bd1e995ULL);
  std::string out;
  const char* tmpl = k == 0 ? r.Pick(kLeadTemplates)
                            : kBodyTemplates[s.order[(k - 1) % s.order.size()]];
  Expand(out, tmpl, s.cast, r);
  return out;
}

Story MakeStory(uint64_t story_seed, uint32_t days) {
  Story s;
  s.seed = story_seed;
  s.cast = MakeCast(story_seed, days);
  Rng r(story_seed ^ 0x5707ULL);
  Expand(s.title, r.Pick(kTitleTemplates), s.cast, r);
  s.author = std::string(r.Pick(kFirstNames)) + " " + r.Pick(kSurnames);
  s.wire = r.Pick(kWires);
  s.order.resize(std::size(kBodyTemplates));
  for (uint32_t i = 0; i < s.order.size(); ++i) s.order[i] = i;
  for (uint32_t i = static_cast<uint32_t>(s.order.size()) - 1; i > 0; --i) {
    std::swap(s.order[i], s.order[r.Below(i + 1)]);
  }
  const int paras = r.Range(6, 20);
  s.paragraphs.resize(static_cast<size_t>(paras));
  s.numbers.resize(static_cast<size_t>(paras));
  size_t k = 0;
  for (int p = 0; p < paras; ++p) {
    const int sentences = p == 0 ? r.Range(1, 2) : r.Range(1, 4);
    for (int i = 0; i < sentences; ++i, ++k) {
      s.paragraphs[p].push_back(Sentence(s, k, 0));
      s.numbers[p].push_back(k);
    }
  }
  return s;
}

// Rewrites one sentence (not the lead's first): a near-duplicate.
void EditOneSentence(Story& s, Rng& r) {
  for (int tries = 0; tries < 16; ++tries) {
    size_t p = r.Below(static_cast<uint32_t>(s.paragraphs.size()));
    size_t i = r.Below(static_cast<uint32_t>(s.paragraphs[p].size()));
    if (p == 0 && i == 0) continue;
    for (uint64_t variant = 1; variant < 8; ++variant) {
      std::string edited = Sentence(s, s.numbers[p][i], variant);
      if (edited != s.paragraphs[p][i]) {
        s.paragraphs[p][i] = std::move(edited);
        return;
      }
    }
  }
}

std::string Dateline(const Story& s) {
  std::string place = s.cast.place;
  for (char& ch : place) {
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  }
  return place + ", " + kMonths[s.cast.date.m - 1] + " " +
         std::to_string(s.cast.date.d) + " (" + s.wire + ") \xE2\x80\x94 ";
}

std::string RandomTitle(Rng& r) {
  Cast c = MakeCast(r.Next(), 1000);  // only the title is used
  std::string t;
  Expand(t, r.Pick(kTitleTemplates), c, r);
  return t;
}

std::string Slug(std::string_view title) {
  std::string out;
  bool dash = false;
  for (char ch : title) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
      out += ch;
      dash = false;
    } else if (ch >= 'A' && ch <= 'Z') {
      out += static_cast<char>(ch - 'A' + 'a');
      dash = false;
    } else if (!dash && !out.empty()) {
      out += '-';
      dash = true;
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string UserName(Rng& r) {
  return std::string(r.Pick(kUserParts1)) + r.Pick(kUserParts2) +
         std::to_string(r.Range(1, 99));
}

// ------------------------------------------------------------------ pages

void AppendEscaped(std::string& out, std::string_view s) {
  for (char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += ch;
    }
  }
}

std::string Byline(const Story& s, const Site& site) {
  switch (site.byline_style) {
    case 0: return "By " + s.author;
    case 1: return s.author + ", Staff reporter";
    default: return "Reporting by " + s.author + "; editing by " +
                    std::string(kFirstNames[s.seed % 20]) + " " +
                    kSurnames[(s.seed >> 8) % 18];
  }
}

struct PageChrome {
  std::vector<const char*> nav;
  std::vector<std::string> related;
  struct Comment {
    std::string user, text;
    int hours_after;
  };
  std::vector<Comment> comments;
  int hour, minute;
  size_t target_bytes;
};

PageChrome MakeChrome(const Story& s, Rng& r) {
  PageChrome ch;
  const uint32_t n_nav = 8 + r.Below(8);
  uint32_t start = r.Below(4);
  ch.nav.push_back("Home");
  for (uint32_t i = 0; i < n_nav; ++i) {
    ch.nav.push_back(kNavItems[1 + (start + i) % (std::size(kNavItems) - 1)]);
  }
  const int n_related = r.Range(5, 14);
  for (int i = 0; i < n_related; ++i) ch.related.push_back(RandomTitle(r));
  const int n_comments = r.Chance(0.2) ? 0 : r.Range(1, 18);
  for (int i = 0; i < n_comments; ++i) {
    PageChrome::Comment c;
    c.user = UserName(r);
    Expand(c.text, r.Pick(kCommentTemplates), s.cast, r);
    c.hours_after = r.Range(1, 70);
    ch.comments.push_back(std::move(c));
  }
  ch.hour = r.Range(5, 22);
  ch.minute = r.Range(0, 59);
  ch.target_bytes = static_cast<size_t>(r.Range(15 * 1024, 40 * 1024));
  return ch;
}

std::string RenderHtml(const Story& s, const Site& site, const PageChrome& ch,
                       Rng& r) {
  const std::string cls = site.cls;
  const std::string url = "https://www." + std::string(site.domain) + "/" +
                          Slug(kSections[s.seed % 4]) + "/" +
                          std::to_string(s.cast.date.y) + "/" +
                          Pad2(s.cast.date.m) + "/" + Slug(s.title);
  const std::string iso = IsoDate(s.cast.date) + "T" + Pad2(ch.hour) + ":" +
                          Pad2(ch.minute) + ":00Z";
  std::string body;
  body.reserve(ch.target_bytes + 4096);

  // <body>: header, nav, breadcrumbs.
  body += "<body class=\"" + cls + "-page " + cls + "-article\">\n";
  body += "<div class=\"cookie-banner\" id=\"" + cls + "-consent\"><p>We use "
          "cookies to improve your experience and to measure our audience. "
          "<a href=\"/cookies\">Manage preferences</a></p><button>Accept all"
          "</button><button>Reject</button></div>\n";
  body += "<header class=\"" + cls + "-header\"><a class=\"" + cls +
          "-logo\" href=\"/\">";
  AppendEscaped(body, site.name);
  body += "</a><div class=\"" + cls + "-date\">" +
          FormatDate(s.cast.date, site.date_style) +
          "</div><a class=\"" + cls + "-subscribe\" href=\"/subscribe\">"
          "Subscribe</a> <a href=\"/login\">Sign in</a></header>\n";
  body += "<nav class=\"" + cls + "-nav\" aria-label=\"Main\"><ul>\n";
  for (const char* item : ch.nav) {
    body += "<li class=\"" + cls + "-nav__item\"><a href=\"/" + Slug(item) +
            "\">" + item + "</a></li>\n";
  }
  body += "</ul></nav>\n";
  const char* section = kSections[s.seed % 4];
  body += "<ol class=\"breadcrumbs\"><li><a href=\"/\">Home</a></li><li><a "
          "href=\"/" + Slug(section) + "\">" + section + "</a></li><li>";
  AppendEscaped(body, s.cast.place);
  body += "</li></ol>\n";

  // The article.
  body += "<main id=\"content\">\n<article class=\"" + cls + "-story\">\n<h1>";
  AppendEscaped(body, s.title);
  body += "</h1>\n<div class=\"byline\"><span class=\"author\">";
  AppendEscaped(body, Byline(s, site));
  body += "</span> <time datetime=\"" + iso + "\">" +
          FormatDate(s.cast.date, site.date_style) + " " + Pad2(ch.hour) +
          ":" + Pad2(ch.minute) + "</time></div>\n";
  const size_t read_also = s.paragraphs.size() > 4 ? 3 + r.Below(2) : 99;
  const size_t ad_at = s.paragraphs.size() > 6 ? 5 + r.Below(2) : 99;
  for (size_t p = 0; p < s.paragraphs.size(); ++p) {
    if (p == read_also && !ch.related.empty()) {
      body += "<p class=\"read-also\"><strong>Read also:</strong> <a href=\"/"
              + Slug(ch.related[0]) + "\">";
      AppendEscaped(body, ch.related[0]);
      body += "</a></p>\n";
    }
    if (p == ad_at) {
      body += "<div class=\"ad-slot\" data-slot=\"mid-article\"><span>"
              "Advertisement</span></div>\n";
    }
    body += "<p>";
    if (p == 0) AppendEscaped(body, Dateline(s));
    for (size_t i = 0; i < s.paragraphs[p].size(); ++i) {
      if (i) body += ' ';
      AppendEscaped(body, s.paragraphs[p][i]);
    }
    body += "</p>\n";
  }
  body += "<ul class=\"tags\"><li><a href=\"/tag/ceasefire\">Ceasefire</a>"
          "</li><li><a href=\"/tag/" + Slug(s.cast.place) + "\">";
  AppendEscaped(body, s.cast.place);
  body += "</a></li></ul>\n</article>\n";

  // Share bar, newsletter, comments, related.
  body += "<div class=\"" + cls + "-share\"><span>Share this article</span>"
          "<a href=\"#\" class=\"share-fb\">Facebook</a><a href=\"#\" "
          "class=\"share-x\">X</a><a href=\"#\" class=\"share-mail\">Email</a>"
          "<a href=\"#\" class=\"share-print\">Print</a><a href=\"#\">Copy "
          "link</a></div>\n";
  body += "<section class=\"newsletter\"><h3>Sign up for the morning "
          "briefing</h3><p>The day's most important stories from the region, "
          "in your inbox before breakfast.</p><form action=\"/newsletter\">"
          "<input type=\"email\" placeholder=\"Your email address\"><button>"
          "Subscribe</button></form><p class=\"small\">You can unsubscribe "
          "at any time.</p></section>\n";
  body += "<section id=\"comments\" class=\"comments\"><h3>" +
          std::to_string(ch.comments.size()) + " Comments</h3>\n";
  for (const auto& c : ch.comments) {
    body += "<div class=\"comment\"><div class=\"comment-meta\"><b>" + c.user +
            "</b> <span>" + std::to_string(c.hours_after) +
            " hours ago</span></div><p>";
    AppendEscaped(body, c.text);
    body += "</p><a class=\"reply\" href=\"#\">Reply</a></div>\n";
  }
  body += "<div id=\"respond\"><h3>Leave a Reply</h3><p>Your email address "
          "will not be published. Required fields are marked *</p><form>"
          "<textarea name=\"comment\"></textarea><input name=\"author\" "
          "placeholder=\"Name *\"><input name=\"email\" placeholder=\"Email "
          "*\"><button>Post Comment</button></form></div></section>\n";
  body += "</main>\n<aside class=\"" + cls + "-related\"><h3>More from " +
          section + "</h3><ul>\n";
  for (const auto& t : ch.related) {
    body += "<li><a href=\"/" + Slug(section) + "/" + Slug(t) + "\">";
    AppendEscaped(body, t);
    body += "</a></li>\n";
  }
  body += "</ul></aside>\n";

  // Footer.
  body += "<footer class=\"" + cls + "-footer\"><ul>";
  for (const char* link : kFooterLinks) {
    body += "<li><a href=\"/" + Slug(link) + "\">" + link + "</a></li>";
  }
  body += "</ul><p>&copy; " + std::to_string(s.cast.date.y) + " ";
  AppendEscaped(body, site.name);
  body += ". All rights reserved.</p></footer>\n"
          "<script src=\"/static/app." + cls + ".js\" defer></script>\n"
          "</body>\n</html>\n";

  // <head>, padded with inline CSS and a config script up to the target.
  std::string head;
  head.reserve(2048);
  head += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"
          "\n<meta name=\"viewport\" content=\"width=device-width, "
          "initial-scale=1\">\n<title>";
  AppendEscaped(head, s.title);
  head += " | ";
  AppendEscaped(head, site.name);
  head += "</title>\n<meta property=\"og:title\" content=\"";
  AppendEscaped(head, s.title);
  head += "\">\n<meta property=\"og:site_name\" content=\"";
  AppendEscaped(head, site.name);
  head += "\">\n<meta property=\"og:type\" content=\"article\">\n"
          "<meta property=\"og:url\" content=\"" + url + "\">\n"
          "<meta property=\"article:published_time\" content=\"" + iso +
          "\">\n<meta name=\"author\" content=\"";
  AppendEscaped(head, s.author);
  head += "\">\n<link rel=\"canonical\" href=\"" + url + "\">\n"
          "<link rel=\"stylesheet\" href=\"/static/main." + cls + ".css\">\n";
  std::string pad;
  const size_t have = head.size() + body.size() + 64;
  if (have < ch.target_bytes) {
    const size_t want = ch.target_bytes - have;
    pad.reserve(want + 256);
    pad += "<style>\n";
    // Two thirds CSS, the rest a config script.
    while (pad.size() < want * 2 / 3) {
      pad += "." + cls + "-" + r.Pick(kCssParts) + "__" + r.Pick(kCssParts) +
             "--" + std::to_string(r.Below(40)) + "{" + r.Pick(kCssProps) +
             ";" + r.Pick(kCssProps) + "}\n";
    }
    pad += "</style>\n<script>window.__SITE_CONFIG__={\"site\":\"" + cls +
           "\",\"slots\":[";
    bool first = true;
    while (pad.size() < want) {
      if (!first) pad += ',';
      first = false;
      pad += "{\"id\":\"" + std::string(r.Pick(kCssParts)) + "-" +
             std::to_string(r.Below(1000)) + "\",\"sizes\":[[300,250],[728,90]],"
             "\"lazy\":" + (r.Chance(0.5) ? "true" : "false") + "}";
    }
    pad += "]};</script>\n";
  }
  std::string page;
  page.reserve(head.size() + pad.size() + body.size() + 16);
  page += head;
  page += pad;
  page += "</head>\n";
  page += body;
  return page;
}

std::string RenderText(const Story& s, const Site& site, const PageChrome& ch) {
  std::string out;
  out.reserve(16 * 1024);
  out += site.name;
  out += "\n";
  for (size_t i = 0; i < ch.nav.size(); ++i) {
    if (i) out += " | ";
    out += ch.nav[i];
  }
  out += "\nHome > ";
  out += kSections[s.seed % 4];
  out += " > ";
  out += s.cast.place;
  out += "\n\n";
  out += s.title;
  out += "\n";
  out += Byline(s, site);
  out += "\n";
  out += "Published " + FormatDate(s.cast.date, site.date_style) + " " +
         Pad2(ch.hour) + ":" + Pad2(ch.minute) + "\n\n";
  for (size_t p = 0; p < s.paragraphs.size(); ++p) {
    if (p == 0) out += Dateline(s);
    for (size_t i = 0; i < s.paragraphs[p].size(); ++i) {
      if (i) out += ' ';
      out += s.paragraphs[p][i];
    }
    out += "\n\n";
  }
  out += "Share this article: Facebook | X | Email | Print\n\n";
  out += "Sign up for the morning briefing\nThe day's most important stories "
         "from the region, in your inbox before breakfast.\n\n";
  out += std::to_string(ch.comments.size()) + " Comments\n";
  for (const auto& c : ch.comments) {
    out += c.user + " " + std::to_string(c.hours_after) + " hours ago\n" +
           c.text + "\nReply\n";
  }
  out += "\nLeave a Reply\nYour email address will not be published. "
         "Required fields are marked *\n\nMore from ";
  out += kSections[s.seed % 4];
  out += "\n";
  for (const auto& t : ch.related) out += t + "\n";
  out += "\n";
  for (size_t i = 0; i < std::size(kFooterLinks); ++i) {
    if (i) out += " | ";
    out += kFooterLinks[i];
  }
  out += "\n\xC2\xA9 " + std::to_string(s.cast.date.y) + " " + site.name +
         ". All rights reserved.\n";
  return out;
}

// ---------------------------------------------------------------- driver

enum class Format { kHtml, kText, kMixed };

struct Options {
  std::string out;
  std::string manifest;
  long pages = -1;
  long days = 1000;  // the span of the stories' dates
  uint64_t seed = 1;
  Format format = Format::kHtml;
};

[[noreturn]] void Usage(const char* msg) {
  if (msg) std::fprintf(stderr, "gen_corpus: %s\n", msg);
  std::fprintf(stderr,
               "usage: gen_corpus --out DIR --pages N [--seed S] "
               "[--format html|text|mixed] [--days D] [--manifest FILE]\n");
  std::exit(2);
}

Options ParseArgs(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) Usage(("missing value for " + std::string(a)).c_str());
      return argv[++i];
    };
    if (a == "--out") {
      o.out = value();
    } else if (a == "--pages") {
      std::string v = value();
      char* end = nullptr;
      o.pages = std::strtol(v.c_str(), &end, 10);
      if (*end || o.pages < 0) Usage("--pages wants a number >= 0");
    } else if (a == "--days") {
      std::string v = value();
      char* end = nullptr;
      o.days = std::strtol(v.c_str(), &end, 10);
      if (*end || o.days < 1 || o.days > 100000)
        Usage("--days wants a number from 1 to 100000");
    } else if (a == "--seed") {
      std::string v = value();
      char* end = nullptr;
      o.seed = std::strtoull(v.c_str(), &end, 10);
      if (*end) Usage("--seed wants a number");
    } else if (a == "--format") {
      std::string v = value();
      if (v == "html") o.format = Format::kHtml;
      else if (v == "text") o.format = Format::kText;
      else if (v == "mixed") o.format = Format::kMixed;
      else Usage("--format is html, text or mixed");
    } else if (a == "--manifest") {
      o.manifest = value();
    } else if (a == "-h" || a == "--help") {
      Usage(nullptr);
    } else {
      Usage(("unknown argument " + std::string(a)).c_str());
    }
  }
  if (o.out.empty() || o.pages < 0) Usage("--out and --pages are required");
  return o;
}

bool WriteFile(const std::string& path, const std::string& data) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return false;
  bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
  ok = std::fclose(f) == 0 && ok;
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  const Options opt = ParseArgs(argc, argv);
  std::error_code ec;
  std::filesystem::create_directories(opt.out, ec);
  if (ec) {
    std::fprintf(stderr, "gen_corpus: cannot create %s: %s\n", opt.out.c_str(),
                 ec.message().c_str());
    return 1;
  }
  FILE* manifest = nullptr;
  if (!opt.manifest.empty()) {
    manifest = std::fopen(opt.manifest.c_str(), "w");
    if (!manifest) {
      std::fprintf(stderr, "gen_corpus: cannot write %s: %s\n",
                   opt.manifest.c_str(), std::strerror(errno));
      return 1;
    }
    std::fprintf(manifest, "path\tkind\tstory\tof_page\n");
  }

  // Pages that are originals, with their story seed and site: duplicates
  // copy one of them.
  struct Original {
    long page;
    uint64_t story_seed;
    uint32_t site;
  };
  std::vector<Original> originals;
  originals.reserve(static_cast<size_t>(opt.pages));
  uint64_t total_bytes = 0;
  long counts[3] = {0, 0, 0};
  for (long i = 0; i < opt.pages; ++i) {
    Rng r(Mix(opt.seed) ^ Mix(static_cast<uint64_t>(i) + 0x1000));
    // 0 original, 1 near-duplicate, 2 exact re-publication.
    int kind = 0;
    if (!originals.empty()) {
      uint32_t u = r.Below(1000);
      if (u < 50) kind = 1;
      else if (u < 60) kind = 2;
    }
    uint64_t story_seed;
    uint32_t site;
    long of_page = -1;
    if (kind == 0) {
      story_seed = r.Next();
      site = r.Below(kNumSites);
      originals.push_back({i, story_seed, site});
    } else {
      const Original& o =
          originals[r.Below(static_cast<uint32_t>(originals.size()))];
      story_seed = o.story_seed;
      of_page = o.page;
      site = (o.site + 1 + r.Below(kNumSites - 1)) % kNumSites;  // another
    }
    Story story = MakeStory(story_seed, static_cast<uint32_t>(opt.days));
    if (kind == 1) EditOneSentence(story, r);
    const Site& s = kSites[site];
    PageChrome chrome = MakeChrome(story, r);
    bool html = opt.format == Format::kHtml ||
                (opt.format == Format::kMixed && r.Chance(0.5));
    std::string page = html ? RenderHtml(story, s, chrome, r)
                            : RenderText(story, s, chrome);

    char dir[32], name[48];
    std::snprintf(dir, sizeof dir, "%04ld", i / 1000);
    std::snprintf(name, sizeof name, "page-%07ld.%s", i, html ? "html" : "txt");
    const std::string dir_path = opt.out + "/" + dir;
    if (i % 1000 == 0) {
      std::filesystem::create_directories(dir_path, ec);
      if (ec) {
        std::fprintf(stderr, "gen_corpus: cannot create %s: %s\n",
                     dir_path.c_str(), ec.message().c_str());
        return 1;
      }
    }
    const std::string path = dir_path + "/" + name;
    if (!WriteFile(path, page)) {
      std::fprintf(stderr, "gen_corpus: cannot write %s: %s\n", path.c_str(),
                   std::strerror(errno));
      return 1;
    }
    total_bytes += page.size();
    ++counts[kind];
    if (manifest) {
      static const char* const kKinds[] = {"original", "near-duplicate",
                                           "exact-republication"};
      std::fprintf(manifest, "%s/%s\t%s\t%016llx\t%ld\n", dir, name,
                   kKinds[kind], static_cast<unsigned long long>(story_seed),
                   of_page);
    }
  }
  if (manifest && std::fclose(manifest) != 0) {
    std::fprintf(stderr, "gen_corpus: cannot write %s\n", opt.manifest.c_str());
    return 1;
  }
  std::fprintf(stderr,
               "gen_corpus: %ld pages (%ld originals, %ld near-duplicates, %ld "
               "exact re-publications), %.1f MB in %s\n",
               opt.pages, counts[0], counts[1], counts[2],
               static_cast<double>(total_bytes) / 1e6, opt.out.c_str());
  return 0;
}
