//! Trends across cases, the client ledger with its end-relationship scorecard, and CSV for
//! spreadsheets. G39–G43. Money is always kept per currency, never summed across currencies.

use super::case::{Case, Category, GoodFaith, Outcome, Reach, Severity, labelled};
use super::date::Date;
use super::history::case_date;
use super::money::{format_for_input, format_money};

labelled!(
    /// Which cases the trends look at, by the day the complaint came in.
    Period {
        All = "all" => "All time",
        Quarter = "quarter" => "Last 3 months",
        Year = "year" => "Last 12 months",
        ThisYear = "this_year" => "This calendar year",
    }
);

impl Period {
    /// The first day it covers (it always runs to today), or `None` for all time.
    pub fn since(self, today: Date) -> Option<Date> {
        let (y, m, d) = today.ymd();
        match self {
            Period::All => None,
            Period::Quarter => Some(months_back(y, m, d, 3)),
            Period::Year => Some(months_back(y, m, d, 12)),
            Period::ThisYear => Date::from_ymd(y, 1, 1),
        }
    }
}

/// The same day `n` months earlier (the month's last day when it is shorter), plus one.
fn months_back(y: i32, m: u32, d: u32, n: u32) -> Date {
    let total = y * 12 + m as i32 - 1 - n as i32;
    let (yy, mm) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
    let day = (1..=d)
        .rev()
        .find_map(|day| Date::from_ymd(yy, mm, day))
        .unwrap_or_else(|| Date::from_ymd(yy, mm, 1).expect("the first of a month exists"));
    day.add_days(1)
}

/// A case as the trends see it: its id, the day it started, and the case.
#[derive(Clone, Copy)]
pub struct Entry<'a> {
    pub id: &'a str,
    pub on: Date,
    pub case: &'a Case,
}

/// The most columns a time chart has.
pub const MAX_COLUMNS: usize = 60;
/// A case this many days or more from the middle of the others is named, not drawn.
const FAR_OUT_DAYS: i32 = 3653;

/// How the time charts group cases.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Span {
    #[default]
    Month,
    Quarter,
    Year,
}

impl Span {
    /// "month", "quarter", "year".
    pub fn noun(self) -> &'static str {
        match self {
            Span::Month => "month",
            Span::Quarter => "quarter",
            Span::Year => "year",
        }
    }

    fn months(self) -> i32 {
        match self {
            Span::Month => 1,
            Span::Quarter => 3,
            Span::Year => 12,
        }
    }
}

/// Months since year 0, so that a date's month, quarter and year are a division away.
fn month_number(d: Date) -> i32 {
    let (y, m, _) = d.ymd();
    y * 12 + m as i32 - 1
}

/// The columns of the time charts: whole months, quarters or years from the first case to
/// the last, the finest that fits in [`MAX_COLUMNS`]. Its cost does not grow with the span.
struct Timeline {
    span: Span,
    /// The first column, in units of the span since year 0.
    start: i32,
    len: usize,
}

impl Timeline {
    /// The timeline of `entries`, and the cases left out because they lie far from the rest.
    fn of(entries: &[Entry]) -> (Timeline, Vec<(String, String, Date)>) {
        let mut days: Vec<i32> = entries.iter().map(|e| e.on.days()).collect();
        days.sort_unstable();
        let middle = days[days.len() / 2];
        let near = |d: Date| (d.days() - middle).abs() < FAR_OUT_DAYS;
        let far_out = entries
            .iter()
            .filter(|e| !near(e.on))
            .map(|e| (e.id.to_string(), e.case.title(), e.on))
            .collect();
        let kept = || {
            entries
                .iter()
                .filter(|e| near(e.on))
                .map(|e| month_number(e.on))
        };
        let (lo, hi) = (kept().min().unwrap_or(0), kept().max().unwrap_or(0));
        let timeline = [Span::Month, Span::Quarter, Span::Year]
            .into_iter()
            .map(|span| {
                let (a, b) = (lo.div_euclid(span.months()), hi.div_euclid(span.months()));
                Timeline {
                    span,
                    start: a,
                    len: (b - a + 1) as usize,
                }
            })
            .find(|t| t.len <= MAX_COLUMNS || t.span == Span::Year)
            .expect("a year timeline is always found");
        (timeline, far_out)
    }

    /// The column of a date, if it is on the chart.
    fn index(&self, d: Date) -> Option<usize> {
        let i = month_number(d).div_euclid(self.span.months()) - self.start;
        usize::try_from(i).ok().filter(|i| *i < self.len)
    }

    /// Each column as people read it: "Mar 2026", "Q1 2026", "2026".
    fn labels(&self) -> Vec<String> {
        (0..self.len as i32)
            .map(|i| {
                let n = self.start + i;
                match self.span {
                    Span::Month => {
                        Date::month_year(n.div_euclid(12), (n.rem_euclid(12) + 1) as u32)
                    }
                    Span::Quarter => format!("Q{} {}", n.rem_euclid(4) + 1, n.div_euclid(4)),
                    Span::Year => n.to_string(),
                }
            })
            .collect()
    }
}

/// Cases to count: not the worked example, and within the period.
pub fn select<'a>(
    cases: impl IntoIterator<Item = (&'a str, Date, &'a Case)>,
    period: Period,
    today: Date,
) -> Vec<Entry<'a>> {
    let since = period.since(today);
    cases
        .into_iter()
        .filter(|(_, _, c)| !c.example)
        .map(|(id, created, case)| Entry {
            id,
            on: case_date(case, created),
            case,
        })
        .filter(|e| since.is_none_or(|s| e.on >= s))
        .collect()
}

/// How long cases took to settle, from the complaint to the day closed.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeToResolve {
    pub cases: usize,
    /// In days; halves when the count is even.
    pub median: f64,
    pub shortest: i32,
    pub longest: i32,
}

/// Money per currency, in minor units, by currency code.
pub type PerCurrency = Vec<(String, i64)>;

fn add_money(list: &mut PerCurrency, currency: &str, amount: i64) {
    match list.iter_mut().find(|(c, _)| c == currency) {
        Some((_, v)) => super::money::add_to(v, amount),
        None => list.push((currency.to_string(), amount)),
    }
}

/// Everything the trends screen shows, for one period.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trends {
    pub total: usize,
    pub open: usize,
    /// How the time charts group cases: by month, quarter or year.
    pub span: Span,
    /// Every month (or quarter, or year) from the first case to the last, empty ones
    /// included, as people read it ("Mar 2026", "Q1 2026", "2026"); never more than
    /// [`MAX_COLUMNS`].
    pub per_period: Vec<(String, usize)>,
    /// Cases dated far from the rest (a slip of the year, most likely): named, left out of
    /// the time charts (id, title, date).
    pub far_out: Vec<(String, String, Date)>,
    pub categories: Vec<(&'static str, usize)>,
    pub severities: Vec<(&'static str, usize)>,
    pub outcomes: Vec<(&'static str, usize)>,
    pub time_to_resolve: Option<TimeToResolve>,
    pub concessions: PerCurrency,
    /// Concessions per period, per currency: (currency, [(period, amount)]) over `per_period`.
    pub concession_periods: Vec<(String, Vec<(String, i64)>)>,
    /// Concessions by client (display name), per currency, largest first.
    pub concessions_by_client: Vec<(String, String, i64)>,
    /// People named in more than one case, most often first.
    pub people: Vec<(String, usize)>,
    pub products: Vec<(String, usize)>,
    /// Cases judged as something others may feel too (id, title).
    pub systemic: Vec<(String, String)>,
    /// Clients with more than one case (display name, count), most first.
    pub repeat_clients: Vec<(String, usize)>,
    /// Serious cases still open (id, title, days waiting), longest waiting first.
    pub serious_open: Vec<(String, String, i32)>,
}

/// Names that come up in more than this many cases are listed.
pub const RECURRING: usize = 1;

/// Counts names case-insensitively, keeping the first spelling; those above `RECURRING`.
fn recurring(lists: impl Iterator<Item = Vec<String>>) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for list in lists {
        let mut seen: Vec<String> = Vec::new();
        for name in list {
            let key = name.to_lowercase();
            if seen.contains(&key) {
                continue;
            }
            seen.push(key.clone());
            match counts.iter_mut().find(|(n, _)| n.to_lowercase() == key) {
                Some((_, c)) => *c += 1,
                None => counts.push((name, 1)),
            }
        }
    }
    counts.retain(|(_, c)| *c > RECURRING);
    super::order::sort_by_key(&mut counts, |(n, c)| (-(*c as i64), 0, n.to_lowercase()));
    counts
}

/// Counts by a field's label, in the field's own order, leaving out zeros.
fn mix<T: Copy>(
    entries: &[Entry],
    all: &'static [T],
    labels: &'static [&'static str],
    of: fn(&Case) -> Option<T>,
    same: fn(T, T) -> bool,
    unset: &'static str,
) -> Vec<(&'static str, usize)> {
    let mut out: Vec<(&'static str, usize)> = labels.iter().map(|l| (*l, 0)).collect();
    let mut none = 0;
    for e in entries {
        match of(e.case).and_then(|v| all.iter().position(|a| same(*a, v))) {
            Some(i) => out[i].1 += 1,
            None => none += 1,
        }
    }
    if none > 0 {
        out.push((unset, none));
    }
    out.retain(|(_, n)| *n > 0);
    out
}

pub fn trends(entries: &[Entry], today: Date) -> Trends {
    let mut t = Trends {
        total: entries.len(),
        open: entries.iter().filter(|e| !e.case.is_closed()).count(),
        ..Trends::default()
    };
    if entries.is_empty() {
        return t;
    }
    let (timeline, far_out) = Timeline::of(entries);
    t.span = timeline.span;
    t.far_out = far_out;
    let labels = timeline.labels();
    let mut per_period: Vec<(String, usize)> = labels.iter().map(|l| (l.clone(), 0)).collect();
    let mut concession_periods: Vec<(String, Vec<(String, i64)>)> = Vec::new();
    let mut by_client: Vec<(String, String, i64)> = Vec::new();
    let mut clients: Vec<(String, String, usize)> = Vec::new();
    let mut days: Vec<i32> = Vec::new();
    for e in entries {
        let c = e.case;
        if let Some(i) = timeline.index(e.on) {
            per_period[i].1 += 1;
        }
        if let Some(closed) = c.decide.closed_on.filter(|_| c.is_closed()) {
            let d = e.on.days_until(closed);
            if d >= 0 {
                days.push(d);
            }
        }
        if let Some(v) = c.decide.concession.filter(|v| *v > 0) {
            add_money(&mut t.concessions, &c.currency, v);
            let row = match concession_periods
                .iter_mut()
                .find(|(cur, _)| *cur == c.currency)
            {
                Some(row) => row,
                None => {
                    concession_periods.push((
                        c.currency.clone(),
                        labels.iter().map(|l| (l.clone(), 0)).collect(),
                    ));
                    concession_periods.last_mut().expect("just pushed")
                }
            };
            // In the period it closed; closed outside the chart, in the one it came in.
            let closed = c.decide.closed_on.and_then(|d| timeline.index(d));
            if let Some(i) = closed.or_else(|| timeline.index(e.on)) {
                super::money::add_to(&mut row.1[i].1, v);
            }
            let who = c.title();
            match by_client
                .iter_mut()
                .find(|(n, cur, _)| *n == who && *cur == c.currency)
            {
                Some((_, _, total)) => super::money::add_to(total, v),
                None => by_client.push((who, c.currency.clone(), v)),
            }
        }
        let key = c.client.match_key();
        if !key.is_empty() {
            match clients.iter_mut().find(|(k, _, _)| *k == key) {
                Some((_, _, n)) => *n += 1,
                None => clients.push((key, c.client.display(), 1)),
            }
        }
        if c.diagnose.reach == Some(Reach::Systemic) {
            t.systemic.push((e.id.to_string(), c.title()));
        }
        if c.severity == Some(Severity::Serious) && !c.is_closed() {
            t.serious_open
                .push((e.id.to_string(), c.title(), e.on.days_until(today).max(0)));
        }
    }
    t.per_period = per_period;
    t.categories = mix(
        entries,
        Category::ALL,
        Category::LABELS,
        |c| c.category,
        |a, b| a == b,
        "Not sorted yet",
    );
    t.severities = mix(
        entries,
        Severity::ALL,
        Severity::LABELS,
        |c| c.severity,
        |a, b| a == b,
        "Not rated yet",
    );
    t.outcomes = mix(
        entries,
        Outcome::ALL,
        Outcome::LABELS,
        |c| c.decide.outcome,
        |a, b| a == b,
        "Still open",
    );
    days.sort_unstable();
    if !days.is_empty() {
        let n = days.len();
        let median = if n % 2 == 1 {
            days[n / 2] as f64
        } else {
            (days[n / 2 - 1] + days[n / 2]) as f64 / 2.0
        };
        t.time_to_resolve = Some(TimeToResolve {
            cases: n,
            median,
            shortest: days[0],
            longest: days[n - 1],
        });
    }
    super::order::sort_by_key(&mut t.concessions, |(c, _)| super::order::text(c));
    super::order::sort_by_key(&mut concession_periods, |(c, _)| super::order::text(c));
    t.concession_periods = concession_periods;
    super::order::sort_by_key(&mut by_client, |(n, c, v)| (-v, 0, format!("{c} {n}")));
    t.concessions_by_client = by_client;
    t.people = recurring(entries.iter().map(|e| e.case.people_list()));
    t.products = recurring(entries.iter().map(|e| e.case.products_list()));
    let mut repeat: Vec<(String, usize)> = clients
        .into_iter()
        .filter(|(_, _, n)| *n > 1)
        .map(|(_, name, n)| (name, n))
        .collect();
    super::order::sort_by_key(&mut repeat, |(n, c)| (-(*c as i64), 0, n.to_lowercase()));
    t.repeat_clients = repeat;
    super::order::sort_by_key(&mut t.serious_open, |(id, _, d)| {
        (-(*d as i64), 0, id.clone())
    });
    t
}

/// What the scorecard makes of a client relationship. G42, G43
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    Healthy,
    Watch,
    ConsiderEnding,
}

impl Standing {
    pub fn label(self) -> &'static str {
        match self {
            Standing::Healthy => "Healthy",
            Standing::Watch => "Worth watching",
            Standing::ConsiderEnding => "Consider ending it",
        }
    }

    pub fn advice(self) -> &'static str {
        match self {
            Standing::Healthy => {
                "Complaints are rare and cheap with this client. Keep looking after them."
            }
            Standing::Watch => {
                "Stay fair and friendly, and keep an eye on how often this happens and what it costs."
            }
            Standing::ConsiderEnding => {
                "This client keeps costing you. If you have done all you reasonably can, ending the relationship politely may be the better decision, and it should be yours."
            }
        }
    }
}

/// One client across all their cases.
#[derive(Clone, Debug, PartialEq)]
pub struct LedgerRow {
    pub name: String,
    /// (id, title), oldest first.
    pub cases: Vec<(String, String)>,
    /// Cases in the twelve months before today.
    pub recent: usize,
    /// What they have paid you, per currency: the highest "paid so far" recorded on any of
    /// their cases (the figure is a running total, so it is not added up across cases).
    pub revenue: PerCurrency,
    pub conceded: PerCurrency,
    /// Concessions as a share of revenue, per currency, in tenths of a percent.
    pub share: Vec<(String, i64)>,
    pub good_faith: usize,
    pub taking_advantage: usize,
    pub standing: Standing,
    /// The scorecard's reading in one line, e.g. "3 disputes in 12 months, concessions 18%
    /// of revenue".
    pub reading: String,
}

/// The ledger: every client with a case, those needing attention first.
pub fn ledger(entries: &[Entry], today: Date) -> Vec<LedgerRow> {
    let mut groups: Vec<(String, Vec<&Entry>)> = Vec::new();
    for e in entries {
        let key = e.case.client.match_key();
        if key.is_empty() {
            continue;
        }
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(e),
            None => groups.push((key, vec![e])),
        }
    }
    let year_ago = today.add_days(-365);
    let mut rows: Vec<LedgerRow> = groups
        .into_iter()
        .map(|(_, mut list)| {
            super::order::sort_by_key(&mut list, |e| (e.on.days() as i64, 0, e.id.to_string()));
            let latest = list.last().expect("a group has a case");
            let mut revenue: PerCurrency = Vec::new();
            let mut conceded: PerCurrency = Vec::new();
            for e in &list {
                let c = e.case;
                if let Some(paid) = c.numbers.revenue_to_date.filter(|v| *v > 0) {
                    match revenue.iter_mut().find(|(cur, _)| *cur == c.currency) {
                        Some((_, v)) => *v = (*v).max(paid),
                        None => revenue.push((c.currency.clone(), paid)),
                    }
                }
                if let Some(v) = c.decide.concession.filter(|v| *v > 0) {
                    add_money(&mut conceded, &c.currency, v);
                }
            }
            super::order::sort_by_key(&mut revenue, |(c, _)| super::order::text(c));
            super::order::sort_by_key(&mut conceded, |(c, _)| super::order::text(c));
            let share: Vec<(String, i64)> = conceded
                .iter()
                .filter_map(|(cur, v)| {
                    let paid = revenue.iter().find(|(c, _)| c == cur)?.1;
                    Some((cur.clone(), super::money::mul_div(*v, 1000, paid)))
                })
                .collect();
            let recent = list
                .iter()
                .filter(|e| e.on > year_ago && e.on <= today)
                .count();
            let with_concession = list
                .iter()
                .filter(|e| e.case.decide.concession.unwrap_or(0) > 0)
                .count();
            let judged = |g| {
                list.iter()
                    .filter(|e| e.case.diagnose.good_faith == Some(g))
                    .count()
            };
            let taking_advantage = judged(GoodFaith::TakingAdvantage);
            let top_share = share.iter().map(|(_, s)| *s).max().unwrap_or(0);
            let standing = if (recent >= 3 && (top_share >= 100 || with_concession >= 2))
                || (taking_advantage >= 2)
                || (list.len() >= 2 && latest.case.decide.outcome == Some(Outcome::Ended))
            {
                Standing::ConsiderEnding
            } else if recent >= 2 || top_share >= 50 || taking_advantage == 1 {
                Standing::Watch
            } else {
                Standing::Healthy
            };
            LedgerRow {
                name: latest.case.client.display(),
                cases: list
                    .iter()
                    .map(|e| (e.id.to_string(), e.case.title()))
                    .collect(),
                recent,
                reading: reading(recent, &revenue, &conceded, &share),
                revenue,
                conceded,
                share,
                good_faith: judged(GoodFaith::GoodFaith),
                taking_advantage,
                standing,
            }
        })
        .collect();
    super::order::sort_by_key(&mut rows, |r| {
        let rank = match r.standing {
            Standing::ConsiderEnding => 0,
            Standing::Watch => 1,
            Standing::Healthy => 2,
        };
        (rank, -(r.cases.len() as i64), r.name.to_lowercase())
    });
    rows
}

/// A share in tenths of a percent, as people say it: "18%", "2.5%".
pub fn percent(permille: i64) -> String {
    if permille % 10 == 0 || permille >= 100 {
        format!("{}%", (permille + 5) / 10)
    } else {
        format!("{}.{}%", permille / 10, permille % 10)
    }
}

fn reading(
    recent: usize,
    revenue: &PerCurrency,
    conceded: &PerCurrency,
    share: &[(String, i64)],
) -> String {
    let disputes = format!(
        "{recent} {} in 12 months",
        if recent == 1 { "dispute" } else { "disputes" }
    );
    let money = if conceded.is_empty() {
        "no concessions".to_string()
    } else if share.is_empty() && revenue.is_empty() {
        let given: Vec<String> = conceded.iter().map(|(c, v)| format_money(*v, c)).collect();
        format!("concessions {} (no revenue recorded)", given.join(" and "))
    } else {
        let multi = conceded.len() > 1;
        let parts: Vec<String> = conceded
            .iter()
            .map(|(cur, v)| match share.iter().find(|(c, _)| c == cur) {
                Some((_, s)) if multi => format!("{} of revenue in {cur}", percent(*s)),
                Some((_, s)) => format!("{} of revenue", percent(*s)),
                None => format!("{} with no revenue recorded", format_money(*v, cur)),
            })
            .collect();
        format!("concessions {}", parts.join(", "))
    };
    format!("{disputes}, {money}")
}

/// Quotes one CSV field (RFC 4180): fields with commas, quotes or line breaks are wrapped in
/// quotes, and quotes inside are doubled. Text that a spreadsheet would run as a formula
/// (starting with = + - @ or a tab) is prefixed with an apostrophe so it stays text.
pub fn csv_field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn csv(header: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut out = header.join(",");
    out.push_str("\r\n");
    for row in rows {
        let line: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

fn money_cell(v: Option<i64>, currency: &str) -> String {
    v.map(|v| format_for_input(v, currency)).unwrap_or_default()
}

/// The cases as CSV, one row each.
pub fn cases_csv(entries: &[Entry]) -> String {
    let rows = entries
        .iter()
        .map(|e| {
            let c = e.case;
            vec![
                e.id.to_string(),
                c.client.name.clone(),
                c.client.company.clone(),
                e.on.iso(),
                c.category.map(|x| x.label()).unwrap_or("").to_string(),
                c.severity.map(|x| x.label()).unwrap_or("").to_string(),
                c.decide
                    .outcome
                    .map(|x| x.label())
                    .unwrap_or("Still open")
                    .to_string(),
                c.decide.closed_on.map(|d| d.iso()).unwrap_or_default(),
                c.decide
                    .closed_on
                    .filter(|_| c.is_closed())
                    .map(|d| e.on.days_until(d).to_string())
                    .unwrap_or_default(),
                c.currency.clone(),
                money_cell(c.amount, &c.currency),
                money_cell(c.decide.concession, &c.currency),
                c.people.clone(),
                c.products.clone(),
                c.disputed.clone(),
            ]
        })
        .collect();
    csv(
        &[
            "id",
            "client",
            "company",
            "received",
            "category",
            "severity",
            "outcome",
            "closed",
            "days to resolve",
            "currency",
            "amount in dispute",
            "concession",
            "people",
            "products",
            "what is disputed",
        ],
        rows,
    )
}

/// The ledger as CSV: one row per client and currency (money is never added across
/// currencies); a client with no money recorded gets one row with those cells empty.
pub fn ledger_csv(rows: &[LedgerRow]) -> String {
    let mut out = Vec::new();
    for r in rows {
        let mut currencies: Vec<String> = r.revenue.iter().map(|(c, _)| c.clone()).collect();
        for (c, _) in &r.conceded {
            if !currencies.contains(c) {
                currencies.push(c.clone());
            }
        }
        if currencies.is_empty() {
            currencies.push(String::new());
        }
        for cur in currencies {
            let get = |list: &PerCurrency| list.iter().find(|(c, _)| *c == cur).map(|(_, v)| *v);
            out.push(vec![
                r.name.clone(),
                r.cases.len().to_string(),
                r.recent.to_string(),
                cur.clone(),
                money_cell(get(&r.revenue), &cur),
                money_cell(get(&r.conceded), &cur),
                r.share
                    .iter()
                    .find(|(c, _)| *c == cur)
                    .map(|(_, s)| percent(*s))
                    .unwrap_or_default(),
                r.standing.label().to_string(),
                r.reading.clone(),
            ]);
        }
    }
    csv(
        &[
            "client",
            "cases",
            "cases in 12 months",
            "currency",
            "revenue",
            "concessions",
            "concessions as share of revenue",
            "standing",
            "reading",
        ],
        out,
    )
}

/// Reads CSV back into rows (for tests, and to check an export): quoted fields, doubled
/// quotes, and line breaks inside quotes.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match (quoted, ch) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// What the trends are for: the serious now, the rest watched for patterns. // G39, G40
pub const TRENDS_LEDE: &str = "Sort complaints by how serious they are, deal with the serious ones now, and watch the rest for patterns. Counted here, on this device, from your cases.";

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd(y, m, day).unwrap()
    }

    struct Spec {
        client: &'static str,
        on: Date,
        category: Option<Category>,
        severity: Option<Severity>,
        outcome: Option<Outcome>,
        closed: Option<Date>,
        concession: Option<i64>,
        currency: &'static str,
        paid: Option<i64>,
        people: &'static str,
        products: &'static str,
        systemic: bool,
        faith: Option<GoodFaith>,
    }

    fn spec(client: &'static str, on: Date) -> Spec {
        Spec {
            client,
            on,
            category: None,
            severity: None,
            outcome: None,
            closed: None,
            concession: None,
            currency: "USD",
            paid: None,
            people: "",
            products: "",
            systemic: false,
            faith: None,
        }
    }

    fn build(s: &Spec) -> Case {
        let mut c = Case::for_client(s.client);
        c.received = Some(s.on);
        c.category = s.category;
        c.severity = s.severity;
        c.decide.outcome = s.outcome;
        c.decide.closed_on = s.closed;
        c.decide.concession = s.concession;
        c.currency = s.currency.into();
        c.numbers.revenue_to_date = s.paid;
        c.people = s.people.into();
        c.products = s.products.into();
        c.diagnose.reach = s.systemic.then_some(Reach::Systemic);
        c.diagnose.good_faith = s.faith;
        c
    }

    /// Five cases with known answers: three for Vega (USD), one for Okafor (EUR), one
    /// open serious one for Lee, and the worked example (never counted).
    fn fixture() -> Vec<(String, Case)> {
        let specs = [
            Spec {
                category: Some(Category::Billing),
                severity: Some(Severity::Significant),
                outcome: Some(Outcome::ResolvedWithConcession),
                closed: Some(d(2026, 1, 14)),
                concession: Some(30000),
                paid: Some(200000),
                people: "Jordan, Sam",
                products: "Website",
                faith: Some(GoodFaith::GoodFaith),
                ..spec("Marisol Vega", d(2026, 1, 10))
            },
            Spec {
                category: Some(Category::Quality),
                severity: Some(Severity::Minor),
                outcome: Some(Outcome::ResolvedWithConcession),
                closed: Some(d(2026, 3, 20)),
                concession: Some(6000),
                paid: Some(200000),
                people: "jordan",
                products: "website, Logo",
                systemic: true,
                ..spec("marisol  vega", d(2026, 3, 2))
            },
            Spec {
                category: Some(Category::Billing),
                severity: Some(Severity::Significant),
                outcome: Some(Outcome::StoodFirm),
                closed: Some(d(2026, 3, 12)),
                paid: Some(250000),
                products: "Logo",
                ..spec("Marisol Vega", d(2026, 3, 10))
            },
            Spec {
                category: Some(Category::Delay),
                severity: Some(Severity::Minor),
                outcome: Some(Outcome::Resolved),
                closed: Some(d(2026, 2, 15)),
                concession: Some(5000),
                currency: "EUR",
                people: "Sam",
                ..spec("Okafor & Sons", d(2026, 2, 1))
            },
            Spec {
                severity: Some(Severity::Serious),
                ..spec("Pat Lee", d(2026, 4, 1))
            },
        ];
        let mut out: Vec<(String, Case)> = specs
            .iter()
            .enumerate()
            .map(|(i, s)| (format!("c{}", i + 1), build(s)))
            .collect();
        let mut example = build(&spec("Example", d(2026, 1, 1)));
        example.example = true;
        out.push(("ex".into(), example));
        out
    }

    fn entries(cases: &[(String, Case)], period: Period, today: Date) -> Vec<Entry<'_>> {
        select(
            cases.iter().map(|(id, c)| (id.as_str(), d(2025, 1, 1), c)),
            period,
            today,
        )
    }

    #[test]
    fn every_aggregate_on_a_known_fixture() {
        let cases = fixture();
        let today = d(2026, 4, 11);
        let e = entries(&cases, Period::All, today);
        let t = trends(&e, today);
        assert_eq!((t.total, t.open), (5, 1));
        assert_eq!(
            t.per_period,
            [
                ("Jan 2026".to_string(), 1),
                ("Feb 2026".into(), 1),
                ("Mar 2026".into(), 2),
                ("Apr 2026".into(), 1)
            ]
        );
        assert_eq!(
            t.categories,
            [
                ("The invoice or price", 2),
                ("Quality of the work", 1),
                ("Late or slow", 1),
                ("Not sorted yet", 1)
            ]
        );
        assert_eq!(
            t.severities,
            [
                ("Minor: worth watching", 2),
                ("Significant", 2),
                ("Serious: fix it now", 1)
            ]
        );
        assert_eq!(
            t.outcomes,
            [
                ("Resolved", 1),
                ("Resolved, with a concession", 2),
                ("Stood firm", 1),
                ("Still open", 1)
            ]
        );
        // 4, 18, 2 and 14 days: median 9, range 2 to 18.
        assert_eq!(
            t.time_to_resolve,
            Some(TimeToResolve {
                cases: 4,
                median: 9.0,
                shortest: 2,
                longest: 18
            })
        );
        // Never summed across currencies.
        assert_eq!(
            t.concessions,
            [("EUR".to_string(), 5000), ("USD".into(), 36000)]
        );
        assert_eq!(
            t.concession_periods,
            [
                (
                    "EUR".to_string(),
                    vec![
                        ("Jan 2026".to_string(), 0),
                        ("Feb 2026".into(), 5000),
                        ("Mar 2026".into(), 0),
                        ("Apr 2026".into(), 0)
                    ]
                ),
                (
                    "USD".to_string(),
                    vec![
                        ("Jan 2026".to_string(), 30000),
                        ("Feb 2026".into(), 0),
                        ("Mar 2026".into(), 6000),
                        ("Apr 2026".into(), 0)
                    ]
                ),
            ]
        );
        assert_eq!(
            t.concessions_by_client,
            [
                ("Marisol Vega".to_string(), "USD".to_string(), 30000),
                ("marisol  vega".into(), "USD".into(), 6000),
                ("Okafor & Sons".into(), "EUR".into(), 5000),
            ]
        );
        assert_eq!(t.people, [("Jordan".to_string(), 2), ("Sam".into(), 2)]);
        assert_eq!(t.products, [("Logo".to_string(), 2), ("Website".into(), 2)]);
        assert_eq!(
            t.systemic,
            [("c2".to_string(), "marisol  vega".to_string())]
        );
        assert_eq!(t.repeat_clients, [("Marisol Vega".to_string(), 3)]);
        assert_eq!(
            t.serious_open,
            [("c5".to_string(), "Pat Lee".to_string(), 10)]
        );
    }

    #[test]
    fn the_time_charts_stay_within_sixty_columns_and_name_far_out_cases() {
        let today = d(2026, 12, 1);
        let at = |y, m| {
            let mut c = Case::for_client("A");
            c.received = Some(d(y, m, 1));
            c
        };
        // Months up to five years, then quarters, then years.
        let table = [
            (vec![at(2026, 1), at(2026, 12)], Span::Month, 12),
            (vec![at(2022, 1), at(2026, 12)], Span::Month, 60),
            (vec![at(2021, 12), at(2026, 12)], Span::Quarter, 21),
            (vec![at(2012, 1), at(2021, 6)], Span::Quarter, 38),
            (vec![at(2008, 1), at(2026, 12), at(2017, 1)], Span::Year, 19),
        ];
        for (cases, span, len) in table {
            let e: Vec<Entry> = cases
                .iter()
                .map(|c| Entry {
                    id: "x",
                    on: c.received.unwrap(),
                    case: c,
                })
                .collect();
            let t = trends(&e, today);
            assert_eq!(
                (t.span, t.per_period.len()),
                (span, len),
                "{:?}",
                t.per_period.first()
            );
            assert_eq!(
                t.per_period.iter().map(|(_, n)| n).sum::<usize>(),
                e.len() - t.far_out.len()
            );
        }
        // Two cases at the ends of the calendar: one is named, the chart is small and quick.
        let ends = [at(1, 1), at(9999, 12), at(2026, 3)];
        let e: Vec<Entry> = ends
            .iter()
            .enumerate()
            .map(|(i, c)| Entry {
                id: ["a", "b", "c"][i],
                on: c.received.unwrap(),
                case: c,
            })
            .collect();
        let t = trends(&e, today);
        assert_eq!(t.per_period, [("Mar 2026".to_string(), 1)]);
        assert_eq!(
            t.far_out
                .iter()
                .map(|(id, _, _)| id.as_str())
                .collect::<Vec<_>>(),
            ["a", "b"]
        );
        let q = Timeline {
            span: Span::Quarter,
            start: 2026 * 4,
            len: 2,
        };
        assert_eq!(q.labels(), ["Q1 2026", "Q2 2026"]);
    }

    #[test]
    fn periods_and_empty_data() {
        let cases = fixture();
        let today = d(2026, 4, 11);
        assert_eq!(Period::Quarter.since(today), Some(d(2026, 1, 12)));
        assert_eq!(Period::Year.since(today), Some(d(2025, 4, 12)));
        assert_eq!(Period::ThisYear.since(today), Some(d(2026, 1, 1)));
        assert_eq!(Period::Quarter.since(d(2026, 5, 31)), Some(d(2026, 3, 1)));
        let t = trends(&entries(&cases, Period::Quarter, today), today);
        assert_eq!(t.total, 4);
        assert_eq!(t.per_period[0], ("Feb 2026".to_string(), 1));
        let empty = trends(&[], today);
        assert_eq!(empty, Trends::default());
        assert!(ledger(&[], today).is_empty());
        assert_eq!(cases_csv(&[]).lines().count(), 1);
    }

    #[test]
    fn the_ledger_and_its_scorecard_readings() {
        let cases = fixture();
        let today = d(2026, 4, 11);
        let rows = ledger(&entries(&cases, Period::All, today), today);
        let vega = &rows[0];
        assert_eq!(vega.name, "Marisol Vega");
        assert_eq!(vega.cases.len(), 3);
        assert_eq!(vega.recent, 3);
        // The running total "paid so far" is not added up: the highest is 2,500.00.
        assert_eq!(vega.revenue, [("USD".to_string(), 250000)]);
        assert_eq!(vega.conceded, [("USD".to_string(), 36000)]);
        assert_eq!(vega.share, [("USD".to_string(), 144)]);
        assert_eq!(vega.standing, Standing::ConsiderEnding);
        assert_eq!(
            vega.reading,
            "3 disputes in 12 months, concessions 14% of revenue"
        );
        assert_eq!(vega.good_faith, 1);
        let okafor = rows.iter().find(|r| r.name == "Okafor & Sons").unwrap();
        assert_eq!(okafor.standing, Standing::Healthy);
        assert_eq!(
            okafor.reading,
            "1 dispute in 12 months, concessions €50.00 (no revenue recorded)"
        );
        let lee = rows.iter().find(|r| r.name == "Pat Lee").unwrap();
        assert_eq!(lee.reading, "1 dispute in 12 months, no concessions");

        let table = [
            (percent(144), "14%"),
            (percent(180), "18%"),
            (percent(25), "2.5%"),
            (percent(5), "0.5%"),
            (percent(0), "0%"),
        ];
        for (got, want) in table {
            assert_eq!(got, want);
        }
        // Two currencies: each share named.
        let r = reading(
            2,
            &vec![("EUR".into(), 10000), ("USD".into(), 100000)],
            &vec![("EUR".into(), 500), ("USD".into(), 18000)],
            &[("EUR".into(), 50), ("USD".into(), 180)],
        );
        assert_eq!(
            r,
            "2 disputes in 12 months, concessions 5% of revenue in EUR, 18% of revenue in USD"
        );
    }

    #[test]
    fn csv_quoting_survives_commas_quotes_and_line_breaks() {
        let table = [
            ("plain", "plain"),
            ("a, b", "\"a, b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("=SUM(A1)", "'=SUM(A1)"),
            ("-5", "'-5"),
            ("", ""),
        ];
        for (input, want) in table {
            assert_eq!(csv_field(input), want, "{input:?}");
        }
        let mut tricky = Case::for_client("Vega, \"The Bakery\"");
        tricky.disputed = "Line one,\nline \"two\"".into();
        tricky.received = Some(d(2026, 1, 5));
        let cases = [("k1".to_string(), tricky)];
        let e = entries(&cases, Period::All, d(2026, 2, 1));
        let parsed = parse_csv(&cases_csv(&e));
        assert_eq!(parsed.len(), 2);
        assert_eq!(parsed[0].len(), 15);
        assert_eq!(parsed[1][1], "Vega, \"The Bakery\"");
        assert_eq!(parsed[1][14], "Line one,\nline \"two\"");
        assert_eq!(parsed[1][6], "Still open");
        let rows = ledger(
            &entries(&fixture(), Period::All, d(2026, 4, 11)),
            d(2026, 4, 11),
        );
        let parsed = parse_csv(&ledger_csv(&rows));
        assert_eq!(parsed[0][0], "client");
        let vega = parsed.iter().find(|r| r[0] == "Marisol Vega").unwrap();
        assert_eq!(vega[3..7], ["USD", "2500.00", "360.00", "14%"]);
    }
}
