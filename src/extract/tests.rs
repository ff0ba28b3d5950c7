//! Table-driven extraction tests: each case is a sentence and the complete
//! list of quantities a careful fact-checker expects from it.
//!
//! A quantity is written `span|kind|value|unit|per|qualifier`, then any of
//! `|hi=N` (the top of a range), `|date=ISO` (a date's parts), `|conv` (a
//! bracketed currency conversion) and `|noun=TEXT` (the noun phrase it
//! counts). `-` stands for none. `hi`, `date` and `conv` are always compared,
//! so they must be written whenever the quantity has them; `noun` is compared
//! only where a case names it. Every list is complete: an extra quantity fails.

use super::{Quantity, extract};

type Case = (&'static str, &'static [&'static str]);

/// One quantity as the table writes it, without the noun phrase.
fn render(text: &str, q: &Quantity) -> String {
    let mut s = format!(
        "{}|{}|{}|{}|{}|{}",
        q.span.slice(text),
        q.kind.as_str(),
        q.value.normalize(),
        q.unit.map_or_else(|| "-".to_string(), |u| u.name()),
        q.per.map_or("-", |(p, _)| p.as_str()),
        q.qualifier.map_or("-", |x| x.approx.as_str()),
    );
    if let Some(hi) = q.high {
        s.push_str(&format!("|hi={}", hi.normalize()));
    }
    if let Some(d) = q.date {
        s.push_str(&format!("|date={}", d.iso()));
    }
    if q.syntax.conversion_of.is_some() {
        s.push_str("|conv");
    }
    s
}

fn noun(text: &str, q: &Quantity) -> String {
    q.syntax
        .noun
        .map_or_else(|| "-".into(), |n| n.slice(text).into())
}

/// Checks every case and reports all failures at once, each with the whole
/// list of what was extracted.
fn check(cases: &[Case]) {
    let mut failures = Vec::new();
    for (text, want) in cases {
        let got = extract(text);
        let shown: Vec<String> = got
            .iter()
            .map(|q| format!("{}|noun={}", render(text, q), noun(text, q)))
            .collect();
        let mut ok = got.len() == want.len();
        for (q, w) in got.iter().zip(want.iter()) {
            let (fields, want_noun) = match w.split_once("|noun=") {
                Some((f, n)) => (f, Some(n)),
                None => (*w, None),
            };
            if render(text, q) != fields || want_noun.is_some_and(|n| n != noun(text, q)) {
                ok = false;
            }
        }
        if !ok {
            failures.push(format!(
                "input: {text:?}\n  want: {want:#?}\n  got:  {shown:#?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn digits_separators_and_decimals() {
    check(&[
        (
            "Kirby said about 40,000 convicts had joined.",
            &["about 40,000|count|40000|-|-|about|noun=convicts"],
        ),
        (
            "The census counted 12,345,678 residents.",
            &["12,345,678|count|12345678|-|-|-|noun=residents"],
        ),
        (
            "The drug cut the risk by 1.2 points.",
            &["1.2|count|1.2|-|-|-|noun=points"],
        ),
        (
            "The agency processed 50\u{a0}000 claims.",
            &["50\u{a0}000|count|50000|-|-|-|noun=claims"],
        ),
        (
            "The agency processed 50\u{202f}000 claims.",
            &["50\u{202f}000|count|50000|-|-|-"],
        ),
        (
            "The final tally reached 40,000.",
            &["40,000|count|40000|-|-|-"],
        ),
        (
            "The group was founded in 2014.",
            &["2014|date|2014|-|-|-|date=2014"],
        ),
        (
            "Police arrested 17 people.",
            &["17|count|17|-|-|-|noun=people"],
        ),
        (
            "Investors lost 2,500.75 each.",
            &["2,500.75|count|2500.75|-|-|-"],
        ),
        (
            "The league has 20 clubs and 480 players.",
            &[
                "20|count|20|-|-|-|noun=clubs",
                "480|count|480|-|-|-|noun=players",
            ],
        ),
        (
            "Exports fell by 0.5 points.",
            &["0.5|count|0.5|-|-|-|noun=points"],
        ),
        (
            "The army has 1,000,000 reservists.",
            &["1,000,000|count|1000000|-|-|-"],
        ),
    ]);
}

#[test]
fn scale_words_and_abbreviations() {
    check(&[
        (
            "The deal is worth $1.2bn.",
            &["$1.2bn|money|1200000000|USD|-|-"],
        ),
        (
            "The club spent £100m on players.",
            &["£100m|money|100000000|GBP|-|-"],
        ),
        (
            "Brussels pledged €5bn in loans.",
            &["€5bn|money|5000000000|EUR|-|-"],
        ),
        (
            "The debt grew by $3.5 trillion.",
            &["$3.5 trillion|money|3500000000000|USD|-|-"],
        ),
        (
            "Officials said 1.5 million people had fled.",
            &["1.5 million|count|1500000|-|-|-|noun=people"],
        ),
        (
            "The app now reaches 2bn people.",
            &["2bn|count|2000000000|-|-|-|noun=people"],
        ),
        (
            "Revenue was $450k last year.",
            &["$450k|money|450000|USD|-|-", "last year|date|0|-|-|-"],
        ),
        (
            "The start-up raised 3mn euros.",
            &["3mn euros|money|3000000|EUR|-|-"],
        ),
        (
            "She won the 100m in Rome.",
            &["100m|measure|100|m|-|-|noun=-"],
        ),
        (
            "The city has 40 thousand taxis.",
            &["40 thousand|count|40000|-|-|-|noun=taxis"],
        ),
        (
            "Turnout rose to 2.3 billion viewers.",
            &["2.3 billion|count|2300000000|-|-|-"],
        ),
        (
            "The bank set aside $7.5 billion.",
            &["$7.5 billion|money|7500000000|USD|-|-"],
        ),
        (
            "The fund lost $2.1 trillion.",
            &["$2.1 trillion|money|2100000000000|USD|-|-"],
        ),
        (
            "The port handles 4.2mn containers.",
            &["4.2mn|count|4200000|-|-|-|noun=containers"],
        ),
        (
            "Investors pulled £12bn from funds.",
            &["£12bn|money|12000000000|GBP|-|-"],
        ),
        (
            "The stadium cost $900 million.",
            &["$900 million|money|900000000|USD|-|-"],
        ),
        (
            "He ran a 10k on Sunday.",
            &["10k|other|10|k|-|-", "Sunday|date|0|-|-|-|date=Sunday"],
        ),
        (
            "Tokyo approved ¥500bn in spending.",
            &["¥500bn|money|500000000000|JPY|-|-"],
        ),
        (
            "The bill adds $1tn to the deficit.",
            &["$1tn|money|1000000000000|USD|-|-"],
        ),
        (
            "The country has 5.5m people.",
            &["5.5m|count|5500000|-|-|-|noun=people"],
        ),
        (
            "The firm cut 2m jobs.",
            &["2m|count|2000000|-|-|-|noun=jobs"],
        ),
        ("A 2m wall was built.", &["2m|measure|2|m|-|-|noun=wall"]),
        (
            "He ran the 100m hurdles.",
            &["100m|measure|100|m|-|-|noun=hurdles"],
        ),
        (
            "The firm earned $100 mln in the quarter.",
            &["$100 mln|money|100000000|USD|-|-"],
        ),
        (
            "Russia spent 1.5 bln roubles.",
            &["1.5 bln roubles|money|1500000000|RUB|-|-"],
        ),
        ("A 6ft wall fell.", &["6ft|measure|6|ft|-|-|noun=wall"]),
    ]);
}

#[test]
fn local_currencies_and_units_of_measure() {
    check(&[
        (
            "Each seat cost KSh 35 million.",
            &["KSh 35 million|money|35000000|KES|-|-"],
        ),
        (
            "The bill was RM 1.1 million.",
            &["RM 1.1 million|money|1100000|MYR|-|-"],
        ),
        (
            "The bill was RM5.47 a share.",
            &["RM5.47|money|5.47|MYR|-|-"],
        ),
        (
            "Its assets were Rp3.2 quadrillion.",
            &["Rp3.2 quadrillion|money|3200000000000000|IDR|-|-"],
        ),
        (
            "He sold $US3.6 million of stock and $A50 of cake.",
            &[
                "$US3.6 million|money|3600000|USD|-|-",
                "$A50|money|50|AUD|-|-",
            ],
        ),
        (
            "It was sold for ₩330 million.",
            &["₩330 million|money|330000000|KRW|-|-"],
        ),
        (
            "The wreck lies 12,500 feet down.",
            &["12,500 feet|measure|12500|ft|-|-|noun=down"],
        ),
        (
            "The site is 370 nautical miles away.",
            &["370 nautical miles|measure|370|nmi|-|-|noun=away"],
        ),
        (
            "The 21-foot submersible dived.",
            &["21-foot|measure|21|ft|-|-|noun=submersible"],
        ),
        (
            "The hull is 3,800m deep.",
            &["3,800m|measure|3800|m|-|-|noun=deep"],
        ),
        (
            "The craft weighs 23,000 pounds.",
            &["23,000 pounds|measure|23000|lb|-|-"],
        ),
        (
            "It was a 23,000-pound carbon-fibre vessel.",
            &["23,000-pound|measure|23000|lb|-|-"],
        ),
        (
            "He was handed a 5,000-pound fine.",
            &["5,000|count|5000|-|-|-"],
        ),
        (
            "The prize was 23,000 pounds.",
            &["23,000 pounds|money|23000|GBP|-|-"],
        ),
    ]);
}

#[test]
fn numbers_in_words() {
    check(&[
        (
            "Officials said forty thousand convicts had signed up.",
            &["forty thousand|count|40000|-|-|-|noun=convicts"],
        ),
        (
            "A thousand volunteers arrived overnight.",
            &["A thousand|count|1000|-|-|-|noun=volunteers"],
        ),
        (
            "A dozen reporters waited outside.",
            &["A dozen|count|12|-|-|-|noun=reporters"],
        ),
        (
            "Two dozen ships left the port.",
            &["Two dozen|count|24|-|-|-|noun=ships"],
        ),
        (
            "Half a million people marched.",
            &["Half a million|count|500000|-|-|-|noun=people"],
        ),
        (
            "One and a half million tickets were sold.",
            &["One and a half million|count|1500000|-|-|-|noun=tickets"],
        ),
        (
            "Two hundred and fifty workers lost their jobs.",
            &["Two hundred and fifty|count|250|-|-|-|noun=workers"],
        ),
        (
            "Twenty-five nurses resigned.",
            &["Twenty-five|count|25|-|-|-|noun=nurses"],
        ),
        ("One of the guards was injured.", &[]),
        (
            "It carried one pilot and four passengers.",
            &[
                "one|count|1|-|-|-|noun=pilot",
                "four|count|4|-|-|-|noun=passengers",
            ],
        ),
        (
            "One reason and two others were given.",
            &[
                "One|count|1|-|-|-|noun=reason",
                "two|count|2|-|-|-|noun=others",
            ],
        ),
        ("He said one thing and then another.", &[]),
        ("A man was arrested.", &[]),
        ("She said one reason was cost.", &[]),
        (
            "Three men were detained.",
            &["Three|count|3|-|-|-|noun=men"],
        ),
        (
            "The firm hired a hundred engineers.",
            &["a hundred|count|100|-|-|-|noun=engineers"],
        ),
        (
            "Ninety-nine passengers survived.",
            &["Ninety-nine|count|99|-|-|-"],
        ),
        (
            "The region lost three million trees.",
            &["three million|count|3000000|-|-|-|noun=trees"],
        ),
        (
            "Half a dozen drones were shot down.",
            &["Half a dozen|count|6|-|-|-|noun=drones"],
        ),
        ("Thousands of people marched.", &[]),
        ("Dozens of homes were damaged.", &[]),
        (
            "The ministry sent one million doses.",
            &["one million|count|1000000|-|-|-|noun=doses"],
        ),
        (
            "Seven hundred jobs will go.",
            &["Seven hundred|count|700|-|-|-|noun=jobs"],
        ),
        ("No one was hurt.", &[]),
        (
            "More than a thousand people fled.",
            &["More than a thousand|count|1000|-|-|more_than|noun=people"],
        ),
        (
            "Over a million people voted.",
            &["Over a million|count|1000000|-|-|more_than|noun=people"],
        ),
        (
            "Ten thousand people marched.",
            &["Ten thousand|count|10000|-|-|-|noun=people"],
        ),
        (
            "A million people marched.",
            &["A million|count|1000000|-|-|-|noun=people"],
        ),
        (
            "A two million-strong army massed.",
            &["two million|count|2000000|-|-|-|noun=army"],
        ),
        ("Hundreds of thousands marched.", &[]),
        ("He signed a one-off deal.", &[]),
    ]);
}

#[test]
fn money_currency_and_period() {
    check(&[
        (
            "Prigozhin spends $100 million a month on the war.",
            &["$100 million a month|money|100000000|USD|month|-"],
        ),
        (
            "The club pays £100m per month in wages.",
            &["£100m per month|money|100000000|GBP|month|-"],
        ),
        (
            "The group spends $100 million each month on salaries.",
            &["$100 million each month|money|100000000|USD|month|-"],
        ),
        (
            "More than $100 million is being spent each month.",
            &[
                "More than $100 million is being spent each month|money|100000000|USD|month|more_than",
            ],
        ),
        (
            "The group receives $100 million in aid each month.",
            &["$100 million in aid each month|money|100000000|USD|month|-"],
        ),
        (
            "She took a £30,000-a-year job.",
            &["£30,000-a-year|money|30000|GBP|year|-"],
        ),
        (
            "The war costs $5bn (£2.7bn) a year.",
            &[
                "$5bn (£2.7bn) a year|money|5000000000|USD|year|-",
                "£2.7bn|money|2700000000|GBP|year|-|conv",
            ],
        ),
        (
            "The contract is worth US$2 million.",
            &["US$2 million|money|2000000|USD|-|-"],
        ),
        (
            "Canberra pledged A$50 million.",
            &["A$50 million|money|50000000|AUD|-|-"],
        ),
        (
            r"The group spends more than \$100 million a month.",
            // The span runs from the qualifier, so it holds the escape.
            &[r"more than \$100 million a month|money|100000000|USD|month|more_than"],
        ),
        (
            r"It spends \$100 million a month.",
            &["$100 million a month|money|100000000|USD|month|-"],
        ),
        (
            "They paid 100 million dollars for it.",
            &["100 million dollars|money|100000000|USD|-|-"],
        ),
        (
            "The EU gave 5 million euros to the fund.",
            &["5 million euros|money|5000000|EUR|-|-"],
        ),
        ("He earned £5m a year ago.", &["£5m|money|5000000|GBP|-|-"]),
        (
            "Spending hit $5m in a month.",
            &["$5m|money|5000000|USD|-|-"],
        ),
        (
            "Workers earn $3.50 a day.",
            &["$3.50 a day|money|3.5|USD|day|-"],
        ),
        (
            "The firm pays CHF 1.5 million to settle.",
            &["CHF 1.5 million|money|1500000|CHF|-|-"],
        ),
        (
            "The ministry spends $2.5bn annually on fuel.",
            &["$2.5bn annually|money|2500000000|USD|year|-"],
        ),
        (
            "Rent is £1,200 per month.",
            &["£1,200 per month|money|1200|GBP|month|-"],
        ),
        (
            "The scheme costs €40m every year.",
            &["€40m every year|money|40000000|EUR|year|-"],
        ),
        (
            "Staff are paid $15 an hour.",
            &["$15 an hour|money|15|USD|hour|-"],
        ),
        (
            "The budget is USD 500 million.",
            &["USD 500 million|money|500000000|USD|-|-"],
        ),
        (
            "The state pays $100 million a month to the group.",
            &["$100 million a month|money|100000000|USD|month|-"],
        ),
        ("He paid $45.", &["$45|money|45|USD|-|-"]),
        (
            "The army spends 2 billion roubles a week.",
            &["2 billion roubles a week|money|2000000000|RUB|week|-"],
        ),
        (
            "Sales were £2m a year earlier.",
            &["£2m|money|2000000|GBP|-|-"],
        ),
        (
            "The charity raised £250,000.",
            &["£250,000|money|250000|GBP|-|-"],
        ),
        (
            "The lender charged $100m a quarter.",
            &["$100m a quarter|money|100000000|USD|quarter|-"],
        ),
        (
            "The fine was 500 pounds.",
            &["500 pounds|money|500|GBP|-|-"],
        ),
        (
            "It costs $100m/month to run.",
            &["$100m/month|money|100000000|USD|month|-"],
        ),
        (
            "A £2.5m-a-year deal was agreed.",
            &["£2.5m-a-year|money|2500000|GBP|year|-|noun=deal"],
        ),
        (
            "They receive around $50 a week.",
            &["around $50 a week|money|50|USD|week|about"],
        ),
        (
            "He spent $5m a year on wine.",
            &["$5m a year|money|5000000|USD|year|-"],
        ),
        (
            "The state pays him £5m a year from its budget.",
            &["£5m a year|money|5000000|GBP|year|-"],
        ),
        (
            "He earned £5m a year on, after the sale.",
            &["£5m|money|5000000|GBP|-|-"],
        ),
        ("A year on, the war goes on.", &[]),
        (
            "The UK spends £2.3bn ($2.8bn) a year on it.",
            &[
                "£2.3bn ($2.8bn) a year|money|2300000000|GBP|year|-",
                "$2.8bn|money|2800000000|USD|year|-|conv",
            ],
        ),
        (
            "He paid $5 million (£4.1 million).",
            &[
                "$5 million|money|5000000|USD|-|-",
                "£4.1 million|money|4100000|GBP|-|-|conv",
            ],
        ),
        (
            "It was sold for £1 (US$0.82 or RM5.47), HSBC said.",
            &[
                "£1|money|1|GBP|-|-",
                "US$0.82|money|0.82|USD|-|-|conv",
                "RM5.47|money|5.47|MYR|-|-|conv",
            ],
        ),
        (
            "Its assets were 209 billion dollars (about 27.6 trillion won).",
            &[
                "209 billion dollars|money|209000000000|USD|-|-",
                "about 27.6 trillion won|money|27600000000000|KRW|-|about|conv",
            ],
        ),
        (
            "The team won 3 million votes and then won again.",
            &["3 million|count|3000000|-|-|-"],
        ),
        (
            "He earns £80k a year.",
            &["£80k a year|money|80000|GBP|year|-"],
        ),
        ("Oil traded at $80 a barrel.", &["$80|money|80|USD|-|-"]),
        (
            "The £80,000 salary was cut.",
            &["£80,000|money|80000|GBP|-|-|noun=salary"],
        ),
    ]);
}

#[test]
fn percentages_and_shares() {
    check(&[
        (
            "About 90% of them were convicts.",
            &["About 90%|percent|90|percent|-|about"],
        ),
        (
            "Unemployment fell to 4.2 per cent.",
            &["4.2 per cent|percent|4.2|percent|-|-"],
        ),
        (
            "Prices rose 90 percent last year.",
            &[
                "90 percent|percent|90|percent|-|-",
                "last year|date|0|-|-|-",
            ],
        ),
        (
            "Sales rose 12pc in March.",
            &[
                "12pc|percent|12|percent|-|-",
                "March|date|0|-|-|-|date=--03",
            ],
        ),
        (
            "Nine in ten voters backed the plan.",
            &["Nine in ten|percent|90|percent|-|-"],
        ),
        (
            "The survey found 9 out of 10 dentists agree.",
            &["9 out of 10|percent|90|percent|-|-"],
        ),
        (
            "One in five children lives in poverty.",
            &["One in five|percent|20|percent|-|-"],
        ),
        (
            "Two-thirds of members voted to strike.",
            &["Two-thirds|percent|66.67|percent|-|-"],
        ),
        (
            "Half of them were convicts.",
            &["Half|percent|50|percent|-|-"],
        ),
        (
            "A third of the budget went on fuel.",
            &["A third|percent|33.33|percent|-|-"],
        ),
        (
            "Three quarters of the staff left.",
            &["Three quarters|percent|75|percent|-|-"],
        ),
        (
            "Support fell 2 percentage points.",
            &["2 percentage points|percent|2|percentage_point|-|-"],
        ),
        (
            "He scored 2 in 2014 and 5 in 2015.",
            &[
                "2|count|2|-|-|-",
                "2014|date|2014|-|-|-|date=2014",
                "5|count|5|-|-|-",
                "2015|date|2015|-|-|-|date=2015",
            ],
        ),
        (
            "Inflation reached 10.1% in the year.",
            &["10.1%|percent|10.1|percent|-|-"],
        ),
        (
            "Ninety per cent of them were convicts.",
            &["Ninety per cent|percent|90|percent|-|-"],
        ),
        (
            "A quarter of the fleet is idle.",
            &["A quarter|percent|25|percent|-|-"],
        ),
        (
            "Three-quarters of voters agreed.",
            &["Three-quarters|percent|75|percent|-|-"],
        ),
        (
            "Only one in four homes has power.",
            &["one in four|percent|25|percent|-|-"],
        ),
        (
            "Rates rose by 0.25 percentage point.",
            &["0.25 percentage point|percent|0.25|percentage_point|-|-"],
        ),
        ("Half the staff stayed home.", &[]),
        ("The second half of the match was dull.", &[]),
        (
            "Wages grew by 3.5%, while prices rose 4%.",
            &["3.5%|percent|3.5|percent|-|-", "4%|percent|4|percent|-|-"],
        ),
        (
            "Nearly a third of homes lost power.",
            &["Nearly a third|percent|33.33|percent|-|nearly"],
        ),
        (
            "One third of the money was lost.",
            &["One third|percent|33.33|percent|-|-"],
        ),
        (
            "Two thirds of the money was spent.",
            &["Two thirds|percent|66.67|percent|-|-"],
        ),
        (
            "Almost 1 in 3 said no.",
            &["Almost 1 in 3|percent|33.33|percent|-|nearly"],
        ),
        (
            "Six in 10 voters agree.",
            &["Six in 10|percent|60|percent|-|-"],
        ),
        (
            "More than two-thirds of them agreed.",
            &["More than two-thirds|percent|66.67|percent|-|more_than"],
        ),
        (
            "She owns a 25 per cent stake.",
            &["25 per cent|percent|25|percent|-|-|noun=stake"],
        ),
        (
            "Shares fell 3 pc on Monday.",
            &[
                "3 pc|percent|3|percent|-|-",
                "Monday|date|0|-|-|-|date=Monday",
            ],
        ),
        ("She works a third shift.", &[]),
    ]);
}

#[test]
fn qualifiers() {
    check(&[
        (
            "Around 300 homes were flooded.",
            &["Around 300|count|300|-|-|about"],
        ),
        (
            "Some 5,000 troops crossed the border.",
            &["Some 5,000|count|5000|-|-|about|noun=troops"],
        ),
        (
            "Nearly 2,000 flights were cancelled.",
            &["Nearly 2,000|count|2000|-|-|nearly"],
        ),
        (
            "The strike cost almost 600 jobs.",
            &["almost 600|count|600|-|-|nearly"],
        ),
        (
            "More than 1,000 fighters died.",
            &["More than 1,000|count|1000|-|-|more_than"],
        ),
        (
            "Over 200 schools closed.",
            &["Over 200|count|200|-|-|more_than"],
        ),
        (
            "At least 12 people died in the blast.",
            &["At least 12|count|12|-|-|at_least|noun=people"],
        ),
        (
            "Up to 3,000 troops could be sent.",
            &["Up to 3,000|count|3000|-|-|up_to"],
        ),
        (
            "An estimated 40,000 convicts joined.",
            &["An estimated 40,000|count|40000|-|-|about|noun=convicts"],
        ),
        (
            "Roughly 70 per cent of voters agreed.",
            &["Roughly 70 per cent|percent|70|percent|-|about"],
        ),
        (
            "The fire destroyed approximately 1,500 homes.",
            &["approximately 1,500|count|1500|-|-|about"],
        ),
        (
            "The plant employs close to 900 staff.",
            &["close to 900|count|900|-|-|nearly"],
        ),
        (
            "Fewer than 100 people attended.",
            &["Fewer than 100|count|100|-|-|less_than"],
        ),
        (
            "Less than 5% of the money was spent.",
            &["Less than 5%|percent|5|percent|-|less_than"],
        ),
        (
            "The camp holds under 300 people.",
            &["under 300|count|300|-|-|less_than"],
        ),
        (
            "As many as 400 workers were laid off.",
            &["As many as 400|count|400|-|-|up_to"],
        ),
        (
            "Upwards of 10,000 fans gathered.",
            &["Upwards of 10,000|count|10000|-|-|more_than"],
        ),
        (
            "The club paid in excess of £2m for him.",
            &["in excess of £2m|money|2000000|GBP|-|more_than"],
        ),
        (
            "The hall admits no more than 50 guests.",
            &["no more than 50|count|50|-|-|at_most"],
        ),
        (
            "The attack killed 200 or more people.",
            &["200 or more|count|200|-|-|at_least|noun=people"],
        ),
        (
            "A crowd of 50 or so protesters gathered.",
            &["50 or so|count|50|-|-|about|noun=protesters"],
        ),
        (
            "A 1,000-plus crowd watched.",
            &["1,000-plus|count|1000|-|-|more_than|noun=crowd"],
        ),
        (
            "The petition has 1,000+ signatures.",
            &["1,000+|count|1000|-|-|at_least|noun=signatures"],
        ),
        (
            "The band played to 50-odd fans.",
            &["50-odd|count|50|-|-|about|noun=fans"],
        ),
        (
            "The group spends about $100 million a month.",
            &["about $100 million a month|money|100000000|USD|month|about"],
        ),
        (
            "The raid killed at least 1,000 fighters.",
            &["at least 1,000|count|1000|-|-|at_least"],
        ),
        (
            "Prices rose just over 4%.",
            &["just over 4%|percent|4|percent|-|more_than"],
        ),
        (
            "He won well over 60 per cent.",
            &["well over 60 per cent|percent|60|percent|-|more_than"],
        ),
        (
            "There are at most 30 seats left.",
            &["at most 30|count|30|-|-|at_most"],
        ),
        (
            "The march drew ~2,000 people.",
            &["~2,000|count|2000|-|-|about"],
        ),
        (
            "Nearly half of them were convicts.",
            &["Nearly half|percent|50|percent|-|nearly"],
        ),
    ]);
}

#[test]
fn ranges() {
    check(&[
        (
            "The army sent 10,000 to 15,000 troops.",
            &["10,000 to 15,000|count|10000|-|-|-|hi=15000"],
        ),
        (
            "Between 10 and 20 per cent of staff left.",
            &["10 and 20 per cent|percent|10|percent|-|-|hi=20"],
        ),
        (
            "Prices rose 10-15% this year.",
            &[
                "10-15%|percent|10|percent|-|-|hi=15",
                "this year|date|0|-|-|-",
            ],
        ),
        (
            "The plan costs $1-2bn.",
            &["$1-2bn|money|1000000000|USD|-|-|hi=2000000000"],
        ),
        (
            "The sale could raise $100m-$200m.",
            &["$100m-$200m|money|100000000|USD|-|-|hi=200000000"],
        ),
        (
            "The storm affected 10 to 20 million people.",
            &["10 to 20 million|count|10000000|-|-|-|hi=20000000"],
        ),
        (
            "Membership grew from 10 to 20.",
            &["10|count|10|-|-|-", "20|count|20|-|-|-"],
        ),
        ("Arsenal won 3-1 at home.", &[]),
        ("The home side lost 1-3 at home.", &[]),
        ("It was a 2-0 win for Chelsea.", &[]),
        (
            "Between $10m and $20m was spent.",
            &["$10m and $20m|money|10000000|USD|-|-|hi=20000000"],
        ),
        (
            "The blast killed 10,000-15,000 people.",
            &["10,000-15,000|count|10000|-|-|-|hi=15000"],
        ),
        (
            "Losses were £2bn to £3bn a year.",
            &["£2bn to £3bn a year|money|2000000000|GBP|year|-|hi=3000000000"],
        ),
        (
            "Some 10 to 12 ships were hit.",
            &["Some 10 to 12|count|10|-|-|about|hi=12"],
        ),
        (
            "Output fell in the 2022-23 season.",
            &["2022|date|2022|-|-|-|date=2022"],
        ),
        ("The court ruled 6-3 in favour.", &[]),
        (
            "Prices fell from $10 to $8.",
            &["$10|money|10|USD|-|-", "$8|money|8|USD|-|-"],
        ),
        (
            "The party won 50-60 seats.",
            &["50-60|count|50|-|-|-|hi=60|noun=seats"],
        ),
        ("Arsenal beat Chelsea 2-1 at home.", &[]),
        ("The bill passed 52-48.", &[]),
        ("The vote was 310-290 in favour.", &[]),
        ("It was a 9-5 job.", &[]),
        (
            "The 2019-2021 period was hard.",
            &[
                "2019|date|2019|-|-|-|date=2019",
                "2021|date|2021|-|-|-|date=2021",
            ],
        ),
        (
            "Between 2000 and 3000 people came.",
            &["2000 and 3000|count|2000|-|-|-|hi=3000|noun=people"],
        ),
        (
            "In 1914–18 millions died.",
            &["1914|date|1914|-|-|-|date=1914"],
        ),
        (
            "The firm is valued at $1.2bn-$1.5bn.",
            &["$1.2bn-$1.5bn|money|1200000000|USD|-|-|hi=1500000000"],
        ),
        (
            "Some 40 to 50 people died.",
            &["Some 40 to 50|count|40|-|-|about|hi=50|noun=people"],
        ),
        (
            "Officials said between five and ten people died.",
            &["five and ten|count|5|-|-|-|hi=10|noun=people"],
        ),
        (
            "It ran from 2019 to 2021.",
            &[
                "2019|date|2019|-|-|-|date=2019",
                "2021|date|2021|-|-|-|date=2021",
            ],
        ),
    ]);
}

#[test]
fn ages() {
    check(&[
        (
            "A vocal critic, Prigozhin, 61, runs a catering firm.",
            &["61|age|61|year|-|-"],
        ),
        (
            "A 61-year-old man was arrested.",
            &["61-year-old|age|61|year|-|-"],
        ),
        (
            "The suspect is 61 years old.",
            &["61 years old|age|61|year|-|-"],
        ),
        ("The driver, aged 61, was unhurt.", &["61|age|61|year|-|-"]),
        ("Smith (45) was charged.", &["45|age|45|year|-|-"]),
        ("Prigozhin, 61, runs the group.", &["61|age|61|year|-|-"]),
        (
            "The minister, Anna Berg, 52, resigned.",
            &["52|age|52|year|-|-"],
        ),
        (
            "A 19-year old student was hurt.",
            &["19-year old|age|19|year|-|-"],
        ),
        (
            "Police said Jones, 34, and Lee, 29, were held.",
            &["34|age|34|year|-|-", "29|age|29|year|-|-"],
        ),
        (
            "Two-year-old twins were rescued.",
            &["Two-year-old|age|2|year|-|-"],
        ),
        (
            "A one-year-old boy was found.",
            &["one-year-old|age|1|year|-|-"],
        ),
        (
            "The twenty-five-year-old striker scored.",
            &["twenty-five-year-old|age|25|year|-|-"],
        ),
        (
            "She is seventy years old.",
            &["seventy years old|age|70|year|-|-"],
        ),
        (
            "A five-year-old girl, aged five, was hurt.",
            &["five-year-old|age|5|year|-|-", "five|age|5|year|-|-"],
        ),
        (
            "Prigozhin, sixty-one, runs it.",
            &["sixty-one|age|61|year|-|-"],
        ),
        (
            "The 20-year-old striker scored twice.",
            &["20-year-old|age|20|year|-|-"],
        ),
    ]);
}

#[test]
fn durations() {
    check(&[
        (
            "The siege lasted 10 months.",
            &["10 months|duration|10|month|-|-"],
        ),
        ("Talks took two weeks.", &["two weeks|duration|2|week|-|-"]),
        (
            "He served three years in prison.",
            &["three years|duration|3|year|-|-"],
        ),
        (
            "It was a 10-month war.",
            &["10-month|duration|10|month|-|-"],
        ),
        (
            "The ceasefire held for 72 hours.",
            &["72 hours|duration|72|hour|-|-"],
        ),
        (
            "Voters backed a 24-hour strike.",
            &["24-hour|duration|24|hour|-|-"],
        ),
        (
            "The project took nearly two decades.",
            &["nearly two decades|duration|2|decade|-|nearly"],
        ),
        (
            "The trial lasted 45 days.",
            &["45 days|duration|45|day|-|-"],
        ),
        (
            "Their influence has grown over the last 10 months of this war.",
            &["10 months|duration|10|month|-|-"],
        ),
        (
            "A ten-month war ended.",
            &["ten-month|duration|10|month|-|-"],
        ),
        (
            "He was jailed for 2½ years.",
            &["2½ years|duration|2.5|year|-|-"],
        ),
        (
            "He was jailed for 2 1/2 years, then 3-1/4 more, then 1 ¾.",
            &[
                "2 1/2 years|duration|2.5|year|-|-",
                "3-1/4|count|3.25|-|-|-",
                "1 ¾|count|1.75|-|-|-",
            ],
        ),
        ("He scored 3 1/20 and 4 5/4.", &[]),
        (
            "It is a 1.5-hour drive.",
            &["1.5-hour|duration|1.5|hour|-|-"],
        ),
        (
            "He lost a three-week battle.",
            &["three-week|duration|3|week|-|-"],
        ),
        (
            "She was sentenced to 10 years.",
            &["10 years|duration|10|year|-|-"],
        ),
        (
            "Contact was lost an hour and 45 minutes into the dive.",
            &["an hour and 45 minutes|duration|1.75|hour|-|-"],
        ),
        (
            "It surfaced one hour and ten minutes later.",
            &["one hour and ten minutes|duration|1.1666666666666666666666666667|hour|-|-"],
        ),
        (
            "The signal faded after 1 hour 45 minutes.",
            &["1 hour 45 minutes|duration|1.75|hour|-|-"],
        ),
        (
            "It stopped just over an hour later.",
            &["just over an hour|duration|1|hour|-|more_than"],
        ),
    ]);
}

#[test]
fn dates() {
    check(&[
        (
            "Kirby spoke to reporters on Dec 22.",
            &["Dec 22|date|0|-|-|-|date=--12-22"],
        ),
        (
            "The report was published December 23, 2022.",
            &["December 23, 2022|date|2022|-|-|-|date=2022-12-23"],
        ),
        (
            "It was signed on 22 December 2022.",
            &["22 December 2022|date|2022|-|-|-|date=2022-12-22"],
        ),
        (
            "The shipment arrived Dec. 22 at the port.",
            &["Dec. 22|date|0|-|-|-|date=--12-22"],
        ),
        (
            "The rule took effect on 2022-12-22.",
            &["2022-12-22|date|2022|-|-|-|date=2022-12-22"],
        ),
        (
            "The massacre happened in March 2022.",
            &["March 2022|date|2022|-|-|-|date=2022-03"],
        ),
        (
            "The delivery was made in November.",
            &["November|date|0|-|-|-|date=--11"],
        ),
        (
            "Wagner was founded in 2014.",
            &["2014|date|2014|-|-|-|date=2014"],
        ),
        (
            "He meddled in the 2016 election.",
            &["2016|date|2016|-|-|-|date=2016"],
        ),
        (
            "The floods killed 2000 people.",
            &["2000|count|2000|-|-|-|noun=people"],
        ),
        (
            "WASHINGTON, Dec 22 (Reuters) - The White House said it had proof.",
            &["Dec 22|date|0|-|-|-|date=--12-22"],
        ),
        (
            "He spoke on Thursday, Dec 22, 2022, in Washington.",
            &["Thursday, Dec 22, 2022|date|2022|-|-|-|date=2022-12-22"],
        ),
        (
            "The attacks of Sept. 11 changed everything.",
            &["Sept. 11|date|0|-|-|-|date=--09-11"],
        ),
        (
            "They were indicted in 2018.",
            &["2018|date|2018|-|-|-|date=2018"],
        ),
        (
            "In 2014, the group was founded.",
            &["2014|date|2014|-|-|-|date=2014"],
        ),
        (
            "Growth slowed between 2019 and 2021.",
            &[
                "2019|date|2019|-|-|-|date=2019",
                "2021|date|2021|-|-|-|date=2021",
            ],
        ),
        (
            "The law takes effect on 1st January 2024.",
            &["1st January 2024|date|2024|-|-|-|date=2024-01-01"],
        ),
        (
            "The talks began on January 5 and ended in February.",
            &[
                "January 5|date|0|-|-|-|date=--01-05",
                "February|date|0|-|-|-|date=--02",
            ],
        ),
        ("Prices may rise again.", &[]),
        (
            "The plan runs until 2030.",
            &["2030|date|2030|-|-|-|date=2030"],
        ),
        (
            "The 2022 budget added 5,000 posts.",
            &[
                "2022|date|2022|-|-|-|date=2022",
                "5,000|count|5000|-|-|-|noun=posts",
            ],
        ),
        (
            "On 23 Dec. 2022 the shipment left.",
            &["23 Dec. 2022|date|2022|-|-|-|date=2022-12-23"],
        ),
        (
            "Apollo 11 landed in 1969.",
            &["1969|date|1969|-|-|-|date=1969"],
        ),
        (
            "The vote was held on May 5.",
            &["May 5|date|0|-|-|-|date=--05-05"],
        ),
        (
            "EU leaders met on 9 May.",
            &["9 May|date|0|-|-|-|date=--05-09"],
        ),
        (
            "His term ends in Jan. 2025.",
            &["Jan. 2025|date|2025|-|-|-|date=2025-01"],
        ),
        (
            "In mid-2022 prices rose.",
            &["2022|date|2022|-|-|-|date=2022"],
        ),
        (
            "The pre-2014 borders were restored.",
            &["2014|date|2014|-|-|-|date=2014"],
        ),
        (
            "On December 22nd, he left.",
            &["December 22nd|date|0|-|-|-|date=--12-22"],
        ),
        (
            "It was signed on Thursday 22 December.",
            &["Thursday 22 December|date|0|-|-|-|date=--12-22"],
        ),
        (
            "In 2014 14,000 people died.",
            &[
                "2014|date|2014|-|-|-|date=2014",
                "14,000|count|14000|-|-|-|noun=people",
            ],
        ),
        (
            "It sold for $1.2m in 2021.",
            &[
                "$1.2m|money|1200000|USD|-|-",
                "2021|date|2021|-|-|-|date=2021",
            ],
        ),
        (
            "By 2030, 50% of cars will be electric.",
            &[
                "2030|date|2030|-|-|-|date=2030",
                "50%|percent|50|percent|-|-",
            ],
        ),
    ]);
}

#[test]
fn not_quantities() {
    check(&[
        ("Ukraine asked for F-16 jets.", &[]),
        ("COVID-19 cases fell sharply.", &[]),
        ("G7 leaders met in Japan.", &[]),
        ("He flew on a Boeing 737 to Rome.", &[]),
        ("The 737 MAX was grounded.", &[]),
        ("Russia lost an Su-25 jet.", &[]),
        ("MH17 was shot down over Ukraine.", &[]),
        ("The meeting starts at 10:30.", &[]),
        ("The ferry left at 8:15am (1:15pm in Lagos).", &[]),
        ("The vote closes at 3pm.", &[]),
        ("The vote closes at 3 p.m. local time.", &[]),
        ("Markets closed at 1300 GMT.", &[]),
        ("Call +44 20 7946 0958 for details.", &[]),
        ("Call 0800 123 456 now.", &[]),
        ("1. First, cut costs.", &[]),
        ("Steps:\n1. Cut costs.\n2. Hire staff.", &[]),
        ("See https://example.com/2022/12/report-100 for more.", &[]),
        ("Write to desk2022@example.com for copies.", &[]),
        ("The help line runs 24/7.", &[]),
        ("The 9/11 attacks changed policy.", &[]),
        ("He lives at No. 10.", &[]),
        ("He wore number 10.", &[]),
        ("They bought a 3D printer.", &[]),
        ("The 4G network failed.", &[]),
        ("In the 1980s, inflation soared.", &[]),
        ("The song reached #1.", &[]),
        ("The app moved to v2.0 after testing.", &[]),
        ("Update to 1.2.3 now.", &[]),
        ("Pilots trained on F-16s in Denmark.", &[]),
        ("The A380 was retired.", &[]),
        ("The G20 summit opened.", &[]),
        ("Windows 95 was a hit.", &[]),
        ("Flights resume at 07:45 from Gatwick.", &[]),
        ("See www.example.org/2014 for the data.", &[]),
        ("Russia fired Kh-101 missiles.", &[]),
        ("See [1] and [2] for sources.", &[]),
        ("See pp. 12-14 of the report.", &[]),
        ("See page 12 of the report.", &[]),
        ("He bought an iPhone 15 in London.", &[]),
        ("Under article 5, allies must help.", &[]),
        ("Boeing 737 jets were grounded.", &[]),
        ("The ISBN is 978-3-16-148410-0.", &[]),
        ("It happened on 5/11/2022.", &[]),
        ("The ratio was 3:1.", &[]),
        ("Delegates met at COP27 in Egypt.", &[]),
        ("It was a real Catch-22 for him.", &[]),
        ("It happened at 10.30am.", &[]),
        ("The Su-27 and MiG-29 jets flew.", &[]),
        ("The M25 was shut.", &[]),
        ("He won in round 3 of the contest.", &[]),
        ("The 1,000s of fans sang.", &[]),
        // No sign yet: a figure read without its minus would state the opposite.
        ("The 5G rollout stalled.", &[]),
    ]);
}

#[test]
fn cases_from_the_issue() {
    check(&[
        (
            "The firm raised $1.2bn in new debt.",
            &["$1.2bn|money|1200000000|USD|-|-"],
        ),
        (
            "Ministers spend £100m a month on hotels.",
            &["£100m a month|money|100000000|GBP|month|-"],
        ),
        (
            "Nine in ten of the dead were convicts.",
            &["Nine in ten|percent|90|percent|-|-"],
        ),
        (
            "The rally drew half a million people.",
            &["half a million|count|500000|-|-|-|noun=people"],
        ),
        (
            "The force includes 10,000 skilled “contractors” and 40,000 convicts.",
            &[
                "10,000|count|10000|-|-|-|noun=skilled “contractors”",
                "40,000|count|40000|-|-|-|noun=convicts",
            ],
        ),
        ("Denmark will send F-16 jets.", &[]),
        ("COVID-19 spread fast.", &[]),
        ("Regulators grounded the 737 MAX.", &[]),
        (
            "A 1,000-strong force moved east.",
            &["1,000|count|1000|-|-|-|noun=force"],
        ),
    ]);
}

#[test]
fn news_sentences() {
    check(&[
        (
            "Wagner has about 50,000 personnel in Ukraine, including 10,000 contractors and 40,000 convicts.",
            &[
                "about 50,000|count|50000|-|-|about|noun=personnel",
                "10,000|count|10000|-|-|-|noun=contractors",
                "40,000|count|40000|-|-|-|noun=convicts",
            ],
        ),
        (
            "About 1,000 fighters were killed in recent weeks, 90% of them convicts.",
            &[
                "About 1,000|count|1000|-|-|about|noun=fighters",
                "recent weeks|date|0|-|-|-",
                "90%|percent|90|percent|-|-",
            ],
        ),
        (
            "Two people died and 14 were hurt.",
            &["Two|count|2|-|-|-|noun=people", "14|count|14|-|-|-"],
        ),
        (
            "The company, founded in 2014, employs 3,200 people.",
            &[
                "2014|date|2014|-|-|-|date=2014",
                "3,200|count|3200|-|-|-|noun=people",
            ],
        ),
        (
            "Some 500 migrants a day cross the sea.",
            &["Some 500 migrants a day|count|500|-|day|about"],
        ),
        ("The 21st century began.", &["21st|ordinal|21|-|-|-"]),
        (
            "The road is a 20km stretch.",
            &["20km|measure|20|km|-|-|noun=stretch"],
        ),
        (
            "The 1,000 fighters killed were mostly convicts.",
            &["1,000|count|1000|-|-|-"],
        ),
        (
            "In March 2022, troops killed 300 civilians in Moura.",
            &[
                "March 2022|date|2022|-|-|-|date=2022-03",
                "300|count|300|-|-|-|noun=civilians",
            ],
        ),
        (
            "It has 50,000 men.\n\nIt spends $1bn.",
            &[
                "50,000|count|50000|-|-|-|noun=men",
                "$1bn|money|1000000000|USD|-|-",
            ],
        ),
        (
            "Wagner has 50,000 personnel recruited from Russian prisons, including 10,000 contractors and 40,000 convicts in Ukraine.",
            &[
                "50,000|count|50000|-|-|-|noun=personnel",
                "10,000|count|10000|-|-|-|noun=contractors",
                "40,000|count|40000|-|-|-|noun=convicts",
            ],
        ),
        (
            "It has 50,000 people, of whom 40,000 are convicts.",
            &[
                "50,000|count|50000|-|-|-|noun=people",
                "40,000|count|40000|-|-|-|noun=-",
            ],
        ),
        (
            "The Wagner force now numbers about 50,000, including 10,000 skilled “contractors” and 40,000 convicts.",
            &[
                "about 50,000|count|50000|-|-|about|noun=-",
                "10,000|count|10000|-|-|-|noun=skilled “contractors”",
                "40,000|count|40000|-|-|-|noun=convicts",
            ],
        ),
        (
            "About 1,000 Wagner fighters were killed, and 90% of those 1,000 fighters were convicts.",
            &[
                "About 1,000|count|1000|-|-|about|noun=Wagner fighters",
                "90%|percent|90|percent|-|-",
                "1,000|count|1000|-|-|-|noun=fighters",
            ],
        ),
        (
            "The firm, which has 3,000 staff, cut 10% of jobs.",
            &[
                "3,000|count|3000|-|-|-|noun=staff",
                "10%|percent|10|percent|-|-",
            ],
        ),
        (
            "Sales hit $1.2bn, up 5%.",
            &[
                "$1.2bn|money|1200000000|USD|-|-",
                "5%|percent|5|percent|-|-",
            ],
        ),
        (
            "Ukraine said 100 drones were shot down on Dec. 22, 2022.",
            &[
                "100|count|100|-|-|-|noun=drones",
                "Dec. 22, 2022|date|2022|-|-|-|date=2022-12-22",
            ],
        ),
        (
            "She said: \"We have 300 beds.\"",
            &["300|count|300|-|-|-|noun=beds"],
        ),
        (
            "Wagner had 50,000 men. 40,000 were convicts.",
            &[
                "50,000|count|50000|-|-|-|noun=men",
                "40,000|count|40000|-|-|-",
            ],
        ),
        (
            "Police said 20 people were hurt.",
            &["20|count|20|-|-|-|noun=people"],
        ),
        (
            "Perhaps 200 people came.",
            &["200|count|200|-|-|-|noun=people"],
        ),
        ("Another 50 were hurt.", &["50|count|50|-|-|-"]),
        (
            "Roughly 70 people came.",
            &["Roughly 70|count|70|-|-|about|noun=people"],
        ),
        (
            "The war, now in its 10th month, goes on.",
            &["10th|ordinal|10|-|-|-"],
        ),
        ("The group is 5,000 strong.", &["5,000|count|5000|-|-|-"]),
        (
            "Two people died and 14 were hurt in the blast.",
            &["Two|count|2|-|-|-|noun=people", "14|count|14|-|-|-"],
        ),
    ]);
}

/// Rates of percentages, age ranges, mixed ranges, pence, zero, signs and
/// quoted nouns: the edges where one reader hands over to another.
#[test]
fn edges_of_units_ranges_and_signs() {
    check(&[
        // A percentage with a rate: build reads periods only for money and counts.
        (
            "Prices rose 2.5% a year.",
            &["2.5% a year|percent|2.5|percent|year|-"],
        ),
        // An age range: build makes ages only of figures without a range.
        (
            "Children aged 5-11 can get the jab.",
            &["5-11|age|5|year|-|-|hi=11"],
        ),
        // "from 10 to 20 per cent": the unit of the second end is the first's too.
        (
            "It rose from 10 to 20 per cent.",
            &[
                "10|percent|10|percent|-|-",
                "20 per cent|percent|20|percent|-|-",
            ],
        ),
        // A qualified year: build never makes a year of a qualified figure.
        (
            "Around 2014, the group formed.",
            &["Around 2014|date|2014|-|-|about|date=2014"],
        ),
        // Words and digits in one range: range_after wants both written alike.
        (
            "Ten to 15 people died.",
            &["Ten to 15|count|10|-|-|-|hi=15|noun=people"],
        ),
        // A range of percentages: range_after runs only for counts and money.
        (
            "The rate is 5.25%-5.5%.",
            &["5.25%-5.5%|percent|5.25|percent|-|-|hi=5.5"],
        ),
        // A currency word after a scaled symbol amount is read as its noun.
        (
            "It cost $1.2 billion dollars.",
            &["$1.2 billion dollars|money|1200000000|USD|-|-"],
        ),
        // "agreed" ends in "eed", which syntax does not take for a participle.
        (
            "About 20% of 1,000 respondents agreed.",
            &[
                "About 20%|percent|20|percent|-|about",
                "1,000|count|1000|-|-|-|noun=respondents",
            ],
        ),
        // Pence: a currency suffix needs a Suffix variant that build handles.
        ("It costs 50p a day.", &["50p a day|money|0.5|GBP|day|-"]),
        // "zero" cannot start a figure (may_start's first letters).
        ("Zero people died.", &["Zero|count|0|-|-|-|noun=people"]),
        // Negative figures: no sign is read, so skip drops them for now.
        (
            "Temperatures fell to -5 degrees.",
            &["-5|count|-5|-|-|-|noun=degrees"],
        ),
        // A noun phrase in quotes ends before its closing quote.
        (
            "It has 10,000 skilled “contractors” in Ukraine.",
            &["10,000|count|10000|-|-|-|noun=skilled “contractors”"],
        ),
    ]);
}

#[test]
fn partitives_with_the_copula_left_out() {
    let text = "Wagner has about 50,000 fighters in Ukraine, 10,000 of them contractors and 40,000 convicts.";
    let qs = extract(text);
    assert_eq!(qs.len(), 3);
    let pred = qs[1].syntax.predicate.map(|p| &text[p.range()]);
    assert_eq!(pred, Some("contractors"));
    assert_eq!(qs[1].syntax.base, Some(super::Base::Quantity(0)));
}

/// Dates in the usual English forms, as wire copy writes them.
#[test]
fn dates_absolute_forms() {
    check(&[
        (
            "Kirby briefed reporters on Dec 22.",
            &["Dec 22|date|0|-|-|-|date=--12-22"],
        ),
        (
            "The statement was dated December 23, 2022.",
            &["December 23, 2022|date|2022|-|-|-|date=2022-12-23"],
        ),
        (
            "The order was signed on 22 December 2022.",
            &["22 December 2022|date|2022|-|-|-|date=2022-12-22"],
        ),
        (
            "Reuters reported the shipment on Dec. 22.",
            &["Dec. 22|date|0|-|-|-|date=--12-22"],
        ),
        (
            "The rockets were unloaded on Dec 22nd.",
            &["Dec 22nd|date|0|-|-|-|date=--12-22"],
        ),
        (
            "The rule was published 2022-12-22 in the register.",
            &["2022-12-22|date|2022|-|-|-|date=2022-12-22"],
        ),
        (
            "The massacre took place in March 2022.",
            &["March 2022|date|2022|-|-|-|date=2022-03"],
        ),
        (
            "Wagner was set up in 2014 by a former officer.",
            &["2014|date|2014|-|-|-|date=2014"],
        ),
        (
            "The trains arrived in mid-November.",
            &["mid-November|date|0|-|-|-|date=--11"],
        ),
        (
            "Fighting flared in early December 2022.",
            &["early December 2022|date|2022|-|-|-|date=2022-12"],
        ),
        // "late 2021" is a part of 2021: the year is what can be checked,
        // as with "mid-2022".
        (
            "The group expanded in late 2021.",
            &["2021|date|2021|-|-|-|date=2021"],
        ),
        (
            "Shipments slowed in late November.",
            &["late November|date|0|-|-|-|date=--11"],
        ),
        (
            "The invasion began on February 24, 2022.",
            &["February 24, 2022|date|2022|-|-|-|date=2022-02-24"],
        ),
        (
            "The invasion began on 24 February 2022.",
            &["24 February 2022|date|2022|-|-|-|date=2022-02-24"],
        ),
        (
            "Troops crossed the border on Feb. 24.",
            &["Feb. 24|date|0|-|-|-|date=--02-24"],
        ),
        (
            "The deal was signed on 22nd December 2022.",
            &["22nd December 2022|date|2022|-|-|-|date=2022-12-22"],
        ),
        (
            "They met on the 22nd of December.",
            &["22nd of December|date|0|-|-|-|date=--12-22"],
        ),
        (
            "The summit opened on December the 5th.",
            &["December the 5th|date|0|-|-|-|date=--12-05"],
        ),
        (
            "Exports halted in Dec 2022.",
            &["Dec 2022|date|2022|-|-|-|date=2022-12"],
        ),
        (
            "The law took effect on Sept. 30, 2022.",
            &["Sept. 30, 2022|date|2022|-|-|-|date=2022-09-30"],
        ),
        (
            "A vote is due by Jan. 15.",
            &["Jan. 15|date|0|-|-|-|date=--01-15"],
        ),
        (
            "The ceasefire collapsed in August.",
            &["August|date|0|-|-|-|date=--08"],
        ),
        (
            "Wagner has fought in Bakhmut since May.",
            &["May|date|0|-|-|-|date=--05"],
        ),
        (
            "Prices climbed from March to June.",
            &[
                "March|date|0|-|-|-|date=--03",
                "June|date|0|-|-|-|date=--06",
            ],
        ),
        (
            "By October, 40,000 convicts had signed up.",
            &[
                "October|date|0|-|-|-|date=--10",
                "40,000|count|40000|-|-|-|noun=convicts",
            ],
        ),
        (
            "The firm was registered in 2016 and began hiring in 2017.",
            &[
                "2016|date|2016|-|-|-|date=2016",
                "2017|date|2017|-|-|-|date=2017",
            ],
        ),
        (
            "The 2014 annexation of Crimea drew sanctions.",
            &["2014|date|2014|-|-|-|date=2014"],
        ),
        (
            "A 2017 report named the group.",
            &["2017|date|2017|-|-|-|date=2017"],
        ),
        (
            "He was born on June 1, 1961.",
            &["June 1, 1961|date|1961|-|-|-|date=1961-06-01"],
        ),
        (
            "Between 2015 and 2019, the group fought in Syria.",
            &[
                "2015|date|2015|-|-|-|date=2015",
                "2019|date|2019|-|-|-|date=2019",
            ],
        ),
        (
            "The October 2022 strikes hit power plants.",
            &["October 2022|date|2022|-|-|-|date=2022-10"],
        ),
        (
            "It was registered in Jan. 2014.",
            &["Jan. 2014|date|2014|-|-|-|date=2014-01"],
        ),
        (
            "The deadline is 31 March 2023.",
            &["31 March 2023|date|2023|-|-|-|date=2023-03-31"],
        ),
    ]);
}

/// Weekdays alone, in a possessive, and with the date they fall on.
#[test]
fn dates_with_weekdays() {
    check(&[
        (
            "The White House said on Thursday that it had proof.",
            &["Thursday|date|0|-|-|-|date=Thursday"],
        ),
        (
            "Kirby spoke Thursday, Dec 22, 2022.",
            &["Thursday, Dec 22, 2022|date|2022|-|-|-|date=2022-12-22"],
        ),
        (
            "The restrictions were announced on Wednesday 21 December.",
            &["Wednesday 21 December|date|0|-|-|-|date=--12-21"],
        ),
        (
            "The restrictions were announced on Wednesday, December 21, 2022.",
            &["Wednesday, December 21, 2022|date|2022|-|-|-|date=2022-12-21"],
        ),
        (
            "Officials spoke on Friday and again on Monday.",
            &[
                "Friday|date|0|-|-|-|date=Friday",
                "Monday|date|0|-|-|-|date=Monday",
            ],
        ),
        (
            "Thursday's briefing was led by Kirby.",
            &["Thursday's|date|0|-|-|-|date=Thursday"],
        ),
        (
            "Kirby repeated Thursday\u{2019}s claim.",
            &["Thursday\u{2019}s|date|0|-|-|-|date=Thursday"],
        ),
        (
            "He spoke late on Tuesday night.",
            &["Tuesday|date|0|-|-|-|date=Tuesday"],
        ),
        (
            "On Wednesday, the Commerce Department tightened the rules.",
            &["Wednesday|date|0|-|-|-|date=Wednesday"],
        ),
        (
            "On Thursday President Biden spoke.",
            &["Thursday|date|0|-|-|-|date=Thursday"],
        ),
        (
            "The ship docked Saturday, Nov. 19.",
            &["Saturday, Nov. 19|date|0|-|-|-|date=--11-19"],
        ),
        (
            "A 61-year-old was arrested on Sunday.",
            &[
                "61-year-old|age|61|year|-|-",
                "Sunday|date|0|-|-|-|date=Sunday",
            ],
        ),
        (
            "The Sunday Times said on Sunday the deal was off.",
            &["Sunday|date|0|-|-|-|date=Sunday"],
        ),
    ]);
}

/// Times stated relative to the writing: they carry no date parts, only
/// the relative expression that `time::resolve` reads.
#[test]
fn dates_relative_to_the_writing() {
    check(&[
        (
            "North Korea delivered rockets last month.",
            &["last month|date|0|-|-|-"],
        ),
        (
            "The talks were held this week.",
            &["this week|date|0|-|-|-"],
        ),
        (
            "Kirby raised the issue last week.",
            &["last week|date|0|-|-|-"],
        ),
        (
            "Wagner's spending rose last year.",
            &["last year|date|0|-|-|-"],
        ),
        (
            "More deliveries are expected next month.",
            &["next month|date|0|-|-|-"],
        ),
        (
            "The sanctions took effect yesterday.",
            &["yesterday|date|0|-|-|-"],
        ),
        (
            "The White House will brief reporters today.",
            &["today|date|0|-|-|-"],
        ),
        ("The envoy arrives tomorrow.", &["tomorrow|date|0|-|-|-"]),
        (
            "The comments came a day after the Commerce Department tightened sanctions.",
            &["a day after|date|0|-|-|-"],
        ),
        (
            "The rules were announced the day before.",
            &["the day before|date|0|-|-|-"],
        ),
        (
            "The shipment arrived two days later.",
            &["two days later|date|0|-|-|-"],
        ),
        (
            "He had left three days earlier.",
            &["three days earlier|date|0|-|-|-"],
        ),
        (
            "The strike came a day after 50 people died.",
            &["a day after|date|0|-|-|-", "50|count|50|-|-|-|noun=people"],
        ),
        (
            "The sanctions came a week after the vote.",
            &["a week after|date|0|-|-|-"],
        ),
        (
            "Russia received the rockets earlier this month.",
            &["earlier this month|date|0|-|-|-"],
        ),
        (
            "Prices rose earlier this year.",
            &["earlier this year|date|0|-|-|-"],
        ),
        (
            "Talks resume later this month.",
            &["later this month|date|0|-|-|-"],
        ),
        (
            "About 1,000 Wagner fighters were killed in recent weeks.",
            &[
                "About 1,000|count|1000|-|-|about|noun=Wagner fighters",
                "recent weeks|date|0|-|-|-",
            ],
        ),
        (
            "Fighting eased in recent days.",
            &["recent days|date|0|-|-|-"],
        ),
        (
            "Fighting intensified in the past few weeks.",
            &["past few weeks|date|0|-|-|-"],
        ),
        (
            "Wagner's losses mounted over the past month.",
            &["past month|date|0|-|-|-"],
        ),
        (
            "Losses rose over the last month.",
            &["last month|date|0|-|-|-"],
        ),
        (
            "Over the last few months, 40,000 convicts joined.",
            &[
                "last few months|date|0|-|-|-",
                "40,000|count|40000|-|-|-|noun=convicts",
            ],
        ),
        (
            "The past couple of days were calm.",
            &["past couple of days|date|0|-|-|-"],
        ),
        (
            "More arms will arrive in the coming weeks.",
            &["coming weeks|date|0|-|-|-"],
        ),
        (
            "Supplies will grow over the coming months.",
            &["coming months|date|0|-|-|-"],
        ),
        (
            "A decision is due in the next few days.",
            &["next few days|date|0|-|-|-"],
        ),
        // "ago" turns a duration into a date; the figure stays its value.
        (
            "The war began ten months ago.",
            &["ten months ago|date|10|-|-|-"],
        ),
        (
            "The group was founded three years ago.",
            &["three years ago|date|3|-|-|-"],
        ),
        ("He quit two weeks ago.", &["two weeks ago|date|2|-|-|-"]),
        (
            "Last month, Wagner received rockets.",
            &["Last month|date|0|-|-|-"],
        ),
        ("Last week's talks failed.", &["Last week's|date|0|-|-|-"]),
        // A possessive dates the thing it names: this year is 2022's budget
        // in a text of 2022, and the wrong one if the text is reused in 2023.
        ("This year's budget was cut.", &["This year's|date|0|-|-|-"]),
        // "the last week of November" is a week of November, not last week.
        (
            "It happened in the last week of November.",
            &["November|date|0|-|-|-|date=--11"],
        ),
        // Many days after, not one: no day can be named.
        ("In the days after the vote, he left.", &[]),
    ]);
}

/// Durations and ages are spans of time, not dates, even beside a date.
#[test]
fn durations_and_ages_beside_dates() {
    check(&[
        (
            "The siege of Bakhmut has lasted 10 months.",
            &["10 months|duration|10|month|-|-"],
        ),
        (
            "Negotiations dragged on for two weeks.",
            &["two weeks|duration|2|week|-|-"],
        ),
        (
            "He spent three years in a Russian prison.",
            &["three years|duration|3|year|-|-"],
        ),
        (
            "It is a 10-month war of attrition.",
            &["10-month|duration|10|month|-|-"],
        ),
        (
            "The war has raged for 10 months, since February.",
            &[
                "10 months|duration|10|month|-|-",
                "February|date|0|-|-|-|date=--02",
            ],
        ),
        (
            "In 2014 he served two years.",
            &[
                "2014|date|2014|-|-|-|date=2014",
                "two years|duration|2|year|-|-",
            ],
        ),
        (
            "Prigozhin, 61, founded the group in 2014.",
            &["61|age|61|year|-|-", "2014|date|2014|-|-|-|date=2014"],
        ),
        (
            "The 61-year-old tycoon denies it.",
            &["61-year-old|age|61|year|-|-"],
        ),
        (
            "Prigozhin, aged 61, denied it on Thursday.",
            &["61|age|61|year|-|-", "Thursday|date|0|-|-|-|date=Thursday"],
        ),
        (
            "Utkin, 52, served in military intelligence until 2013.",
            &["52|age|52|year|-|-", "2013|date|2013|-|-|-|date=2013"],
        ),
    ]);
}

/// Words that look like dates and are not: month names as verbs and
/// nouns, weekdays in names, ordinals, and four-digit counts.
#[test]
fn not_dates() {
    check(&[
        ("May I add one thing?", &[]),
        ("Officials said the shipments may continue.", &[]),
        ("May God protect them.", &[]),
        ("March with us, the organisers urged.", &[]),
        (
            "March organisers expect 5,000 people.",
            &["5,000|count|5000|-|-|-|noun=people"],
        ),
        (
            "Theresa May said on Monday she would stay.",
            &["Monday|date|0|-|-|-|date=Monday"],
        ),
        ("The Sunday Times reported the deal.", &[]),
        ("He wrote for the Sunday Telegraph.", &[]),
        ("Sunday Times reporters were told.", &[]),
        ("Shops cut prices on Black Friday.", &[]),
        ("Super Tuesday results came in.", &[]),
        ("The missile hit a second building.", &[]),
        ("It took a second.", &[]),
        ("He visits on Sundays.", &[]),
        (
            "He scored 2000 points.",
            &["2000|count|2000|-|-|-|noun=points"],
        ),
        (
            "They sent 2014 troops to the front.",
            &["2014|count|2014|-|-|-|noun=troops"],
        ),
        ("Room 1204 was searched.", &[]),
        (
            "Police seized 1999 rifles.",
            &["1999|count|1999|-|-|-|noun=rifles"],
        ),
        (
            "Some 2000 people marched.",
            &["Some 2000|count|2000|-|-|about|noun=people"],
        ),
        ("It was the last month of the war.", &[]),
    ]);
}
