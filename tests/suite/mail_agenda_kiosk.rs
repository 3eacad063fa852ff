//! Issue 14: the e-mail edition of every journal month, the agenda with its calendar files, and
//! the KIOSK pages — built from the sample site and read back with real parsers (`mail-parser`
//! for the MIME message, `ical` for iCalendar).

use crate::prelude::*;
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use mail_parser::{MessageParser, MimeHeaders};

/// The edition folders (`journaal/2009-10/`, ...) of a built site.
fn editions(out: &Path) -> Vec<String> {
    let mut e: Vec<String> = fs::read_dir(out.join("journaal"))
        .unwrap()
        .filter_map(|d| {
            let name = d.ok()?.file_name().into_string().ok()?;
            let b = name.as_bytes();
            (b.len() == 7
                && b[4] == b'-'
                && name.replace('-', "").chars().all(|c| c.is_ascii_digit()))
            .then_some(name)
        })
        .collect();
    e.sort();
    e
}

/// Every `href="..."` of an HTML text.
fn hrefs(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(|s| s.replace("&amp;", "&"))
        .collect()
}

/// The output file an absolute URL of the site points to, or why it does not.
fn target(out: &Path, base_url: &str, url: &str) -> Result<std::path::PathBuf, String> {
    let rest = url
        .strip_prefix(base_url)
        .ok_or_else(|| format!("{url} is not under {base_url}"))?;
    let rest = rest.split('#').next().unwrap_or(rest);
    let file = if rest.is_empty() || rest.ends_with('/') {
        out.join(rest).join("index.html")
    } else {
        out.join(rest)
    };
    if file.is_file() {
        Ok(file)
    } else {
        Err(format!("{url}: no file {}", file.display()))
    }
}

fn check_mail_edition(out: &Path, base_url: &str) {
    let eds = editions(out);
    assert!(eds.len() >= 5, "editions: {eds:?}");
    for e in &eds {
        let dir = out.join("journaal").join(e);
        let html = fs::read_to_string(dir.join("nieuwsbrief.html")).unwrap();
        let text = fs::read_to_string(dir.join("nieuwsbrief.txt")).unwrap();
        let eml = fs::read(dir.join("nieuwsbrief.eml")).unwrap();

        // The edition page links to its e-mail edition.
        let page = fs::read_to_string(dir.join("index.html")).unwrap();
        assert!(page.contains("Deze editie als e-mail"), "{e}");
        assert!(
            page.contains(&format!("journaal/{e}/nieuwsbrief.eml\"")),
            "{e}"
        );

        // E-mail HTML: no script, no stylesheet, tables at most 640 px, only absolute links,
        // each to a page of the site.
        let lower = html.to_lowercase();
        for bad in ["<script", "<style", "<link", "class=\"", "<img"] {
            assert!(!lower.contains(bad), "{e}: nieuwsbrief.html contains {bad}");
        }
        assert!(html.contains("max-width:640px"), "{e}");
        let links = hrefs(&html);
        assert!(links.len() >= 4, "{e}: {links:?}");
        for l in &links {
            if l.starts_with("mailto:") {
                continue;
            }
            if let Err(msg) = target(out, base_url, l) {
                panic!("{e}: nieuwsbrief.html links to {l}: {msg}");
            }
        }

        // The plain text writes every link out, each resolving to a page.
        let urls: Vec<&str> = text
            .split_whitespace()
            .filter(|w| w.starts_with("https://") || w.starts_with("http://"))
            .collect();
        assert!(urls.len() >= 4, "{e}: {urls:?}");
        for u in &urls {
            let u = u.trim_end_matches(['.', ',']);
            if let Err(msg) = target(out, base_url, u) {
                panic!("{e}: nieuwsbrief.txt names {u}: {msg}");
            }
        }

        // The message: both parts, UTF-8, the edition in the subject, the sender of
        // site.yaml, no recipients.
        let msg = MessageParser::default()
            .parse(&eml)
            .unwrap_or_else(|| panic!("{e}: nieuwsbrief.eml does not parse"));
        let naam = page
            .split("<h1>")
            .nth(1)
            .and_then(|s| s.split("</h1>").next())
            .unwrap();
        let subject = msg.subject().unwrap();
        assert!(
            subject.starts_with(naam),
            "{e}: subject {subject:?}, page {naam:?}"
        );
        assert_eq!(
            msg.from().and_then(|a| a.first()).and_then(|a| a.address()),
            Some("werkpleinjournaal@samenvoordeklant.example")
        );
        assert!(msg.to().is_none() && msg.cc().is_none() && msg.bcc().is_none());
        assert!(msg.date().is_some() && msg.message_id().is_some());
        let ct = msg.content_type().unwrap();
        assert_eq!(
            (ct.ctype(), ct.subtype()),
            ("multipart", Some("alternative"))
        );
        assert_eq!(msg.text_body_count(), 1, "{e}");
        assert_eq!(msg.html_body_count(), 1, "{e}");
        for part in [msg.text_part(0).unwrap(), msg.html_part(0).unwrap()] {
            assert_eq!(
                part.content_type().unwrap().attribute("charset"),
                Some("utf-8")
            );
        }
        // (MIME text has CRLF line ends; the files on the site have LF.)
        let lf = |s: &str| s.replace("\r\n", "\n").trim_end().to_string();
        assert_eq!(lf(&msg.body_text(0).unwrap()), lf(&text), "{e}");
        assert_eq!(lf(&msg.body_html(0).unwrap()), lf(&html), "{e}");
        let raw = String::from_utf8(eml).unwrap();
        assert!(
            raw.split("\r\n").all(|l| l.len() <= 998) && !raw.replace("\r\n", "").contains('\n'),
            "{e}: lines must end in CRLF and stay within 998 octets"
        );
    }
}

#[test]
fn every_edition_has_an_email_edition_that_parses_and_links_to_the_site() {
    let site = sample_site();
    let out = site.sibling("out");
    build(&site.root(), &out, &[]).assert_success();
    check_mail_edition(&out, "https://www.samenvoordeklant.nl/");
    let sub = site.sibling("sub");
    build(
        &site.root(),
        &sub,
        &["--base-url", "https://example.org/sub/"],
    )
    .assert_success();
    check_mail_edition(&sub, "https://example.org/sub/");
}

/// Unescapes an iCalendar TEXT value.
fn unescape(s: &str) -> String {
    s.replace("\\n", "\n")
        .replace("\\,", ",")
        .replace("\\;", ";")
        .replace("\\\\", "\\")
}

fn prop<'a>(
    props: &'a [ical::property::Property],
    name: &str,
) -> Option<&'a ical::property::Property> {
    props.iter().find(|p| p.name == name)
}

#[test]
fn the_agenda_is_a_valid_calendar_and_every_item_can_be_put_in_one() {
    let site = sample_site();
    let out = site.sibling("out");
    build(&site.root(), &out, &[]).assert_success();
    // The dated agenda items of the sample, by slug.
    let mut dated = BTreeSet::new();
    for f in fs::read_dir(site.root().join("content/journaal")).unwrap() {
        let path = f.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        if text.contains("\nwanneer: ") {
            dated.insert(path.file_stem().unwrap().to_str().unwrap().to_string());
        }
    }
    assert!(dated.len() >= 8, "{dated:?}");

    let raw = fs::read_to_string(out.join("journaal/agenda.ics")).unwrap();
    for line in raw.split_terminator("\r\n") {
        assert!(line.len() <= 75, "line of {} octets: {line}", line.len());
        assert!(
            !line.contains('\n') && !line.contains('\r'),
            "bare line break in {line:?}"
        );
    }
    assert!(raw.ends_with("END:VCALENDAR\r\n"));
    let cals: Vec<_> = ical::IcalParser::new(raw.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .expect("agenda.ics parses");
    assert_eq!(cals.len(), 1);
    let cal = &cals[0];
    assert_eq!(
        prop(&cal.properties, "VERSION").unwrap().value.as_deref(),
        Some("2.0")
    );
    assert!(prop(&cal.properties, "PRODID").is_some());
    assert_eq!(cal.timezones.len(), 1);
    assert_eq!(
        prop(&cal.timezones[0].properties, "TZID")
            .unwrap()
            .value
            .as_deref(),
        Some("Europe/Amsterdam")
    );
    assert_eq!(cal.timezones[0].transitions.len(), 2);
    assert_eq!(cal.events.len(), dated.len());
    let mut uids = BTreeSet::new();
    for ev in &cal.events {
        let p = &ev.properties;
        let uid = prop(p, "UID").unwrap().value.clone().unwrap();
        assert!(uids.insert(uid.clone()), "duplicate UID {uid}");
        let slug = uid
            .strip_prefix("journaal-")
            .and_then(|u| u.strip_suffix("@www.samenvoordeklant.nl"))
            .unwrap_or_else(|| panic!("UID {uid}"));
        assert!(dated.contains(slug), "{uid}");
        assert!(
            prop(p, "DTSTAMP")
                .unwrap()
                .value
                .as_deref()
                .unwrap()
                .ends_with('Z')
        );
        let start = prop(p, "DTSTART").unwrap();
        let params = start.params.clone().unwrap_or_default();
        let timed = params
            .iter()
            .any(|(k, v)| k == "TZID" && v == &vec!["Europe/Amsterdam".to_string()]);
        let all_day = params
            .iter()
            .any(|(k, v)| k == "VALUE" && v == &vec!["DATE".to_string()]);
        assert!(timed ^ all_day, "{uid}: {params:?}");
        // The item's page shows the summary as its title, and offers its own calendar file.
        let page = fs::read_to_string(out.join(format!("journaal/{slug}/index.html"))).unwrap();
        let summary = unescape(prop(p, "SUMMARY").unwrap().value.as_deref().unwrap());
        assert!(
            page.contains(&summary.replace('\'', "&#39;")),
            "{slug}: {summary}"
        );
        assert!(
            page.contains(&format!(
                "href=\"/journaal/{slug}/{slug}.ics\" download>In je agenda zetten"
            )),
            "{slug}"
        );
        let own = fs::read_to_string(out.join(format!("journaal/{slug}/{slug}.ics"))).unwrap();
        let own: Vec<_> = ical::IcalParser::new(own.as_bytes())
            .collect::<Result<Vec<_>, _>>()
            .expect("item .ics parses");
        assert_eq!(own[0].events.len(), 1);
        assert_eq!(
            prop(&own[0].events[0].properties, "UID")
                .unwrap()
                .value
                .as_deref(),
            Some(uid.as_str()),
            "the item's own file has the same stable UID"
        );
    }
    // The Werkpleindag: 25 March 2010, 9.30 to 16.30, Amersfoort.
    let dag = cal
        .events
        .iter()
        .find(|e| {
            prop(&e.properties, "UID").unwrap().value.as_deref()
                == Some("journaal-agenda-werkpleindag-2010@www.samenvoordeklant.nl")
        })
        .unwrap();
    assert_eq!(
        prop(&dag.properties, "DTSTART").unwrap().value.as_deref(),
        Some("20100325T093000")
    );
    assert_eq!(
        prop(&dag.properties, "DTEND").unwrap().value.as_deref(),
        Some("20100325T163000")
    );
    assert_eq!(
        prop(&dag.properties, "LOCATION").unwrap().value.as_deref(),
        Some("Amersfoort")
    );
}

/// The sections of the agenda page: (coming, past) item titles.
fn agenda_sections(out: &Path) -> (Vec<String>, Vec<String>) {
    let html = fs::read_to_string(out.join("journaal/agenda/index.html")).unwrap();
    let titles = |part: &str| -> Vec<String> {
        part.split("<h3 class=\"item__titel\">")
            .skip(1)
            .filter_map(|s| s.split('>').nth(1)?.split('<').next().map(str::to_string))
            .collect()
    };
    let (komend, voorbij) = match html.split_once("id=\"agenda--voorbij\"") {
        Some((a, b)) => (titles(a), titles(b)),
        None => (titles(&html), Vec::new()),
    };
    (komend, voorbij)
}

#[test]
fn coming_and_past_follow_the_newest_content_not_the_clock() {
    let site = fixture_site("minimal");
    site.write(
        "content/journaal/bijeenkomst.md",
        "---\ntitle: Bijeenkomst\ndate: 2009-10-01\nsoort: agenda\nwanneer: 2009-11-05T13:00\ntot: \"16:00\"\nwaar: Utrecht\n---\nTekst.\n",
    );
    site.write(
        "content/journaal/leergang.md",
        "---\ntitle: Leergang\ndate: 2009-09-01\nsoort: agenda\nwanneer: 2009-09-10\ntot: 2009-09-11\n---\nTekst.\n",
    );
    site.write(
        "content/journaal/nieuws.md",
        "---\ntitle: Nieuws\ndate: 2009-10-02\n---\nTekst.\n",
    );
    let out = site.sibling("out");
    build(&site.root(), &out, &[]).assert_success();
    let (komend, voorbij) = agenda_sections(&out);
    assert_eq!(komend, ["Bijeenkomst"]);
    assert_eq!(voorbij, ["Leergang"]);
    // Newer content moves the meeting to the past.
    site.write(
        "content/journaal/later.md",
        "---\ntitle: Later\ndate: 2009-11-06\n---\nTekst.\n",
    );
    build(&site.root(), &out, &[]).assert_success();
    let (komend, voorbij) = agenda_sections(&out);
    assert!(komend.is_empty(), "{komend:?}");
    assert_eq!(voorbij, ["Bijeenkomst", "Leergang"], "most recent first");
}

#[test]
fn a_bad_agenda_time_or_kiosk_setting_is_reported_at_its_position() {
    let site = fixture_site("minimal");
    site.write(
        "content/journaal/fout.md",
        "---\ntitle: Fout\ndate: 2009-10-01\nsoort: agenda\nwanneer: 2009-11-31T13:00\ntot: \"12:00\"\n---\n",
    );
    site.write(
        "content/journaal/fout2.md",
        "---\ntitle: Fout twee\ndate: 2009-10-01\nsoort: agenda\nwanneer: 2009-11-05T13:00\ntot: \"12:00\"\n---\n",
    );
    let yaml = fs::read_to_string(site.root().join("site.yaml")).unwrap();
    site.write(
        "site.yaml",
        &format!("{yaml}kiosk:\n  email: kiosk at example.org\nnieuwsbrief:\n  from: \"Journaal <journaal@example>\"\n"),
    );
    let run = check(&site.root(), &[]);
    run.assert_exit(1);
    let all = run.stderr.clone();
    assert!(
        all.contains("content/journaal/fout.md:5:10: error: 'wanneer': '2009-11-31T13:00' is not a date or a date and time"),
        "{all}"
    );
    assert!(
        all.contains("content/journaal/fout2.md:6:6: error: 'tot': '12:00' is before 'wanneer' (2009-11-05T13:00)"),
        "{all}"
    );
    assert!(
        all.contains("error: kiosk 'email' is not an e-mail address: 'kiosk at example.org'"),
        "{all}"
    );
    assert!(
        all.contains("error: nieuwsbrief 'from': 'journaal@example' is not an e-mail address"),
        "{all}"
    );
    assert!(all.contains("= hint:"), "{all}");
}

#[test]
fn kiosk_is_in_the_navigation_and_lists_every_question_by_thema() {
    let site = sample_site();
    let out = site.sibling("out");
    build(&site.root(), &out, &[]).assert_success();
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    let nav = home
        .split("aria-label=\"Hoofdmenu\"")
        .nth(1)
        .and_then(|s| s.split("</nav>").next())
        .unwrap();
    assert!(nav.contains("<a href=\"/kiosk/\">KIOSK</a>"), "{nav}");
    // Contact details on the KIOSK page and in every footer.
    for page in [
        "kiosk/index.html",
        "index.html",
        "praktijkvoorbeelden/index.html",
    ] {
        let html = fs::read_to_string(out.join(page)).unwrap();
        assert!(
            html.contains("href=\"mailto:kiosk@samenvoordeklant.example\""),
            "{page}"
        );
        assert!(
            html.contains("href=\"tel:0307001234\">030 700 12 34</a>"),
            "{page}"
        );
    }
    // Every question is on /kiosk/vragen/, under each of its thema's, with who asked; and
    // links back there.
    let vragen = fs::read_to_string(out.join("kiosk/vragen/index.html")).unwrap();
    let mut n = 0;
    for f in fs::read_dir(site.root().join("content/journaal")).unwrap() {
        let path = f.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        if !text.contains("\nsoort: vraag\n") {
            continue;
        }
        n += 1;
        let slug = path.file_stem().unwrap().to_str().unwrap();
        let link = format!("<a href=\"/journaal/{slug}/\">");
        let themas = text
            .lines()
            .find_map(|l| l.strip_prefix("themas: ["))
            .unwrap()
            .trim_end_matches(']')
            .split(", ")
            .count();
        assert_eq!(
            vragen.matches(&link).count(),
            themas,
            "{slug} under each thema"
        );
        let page = fs::read_to_string(out.join(format!("journaal/{slug}/index.html"))).unwrap();
        assert!(
            page.contains("href=\"/kiosk/vragen/\""),
            "{slug} links back"
        );
    }
    assert!(n >= 7);
    assert!(vragen.contains(&format!("{n} vragen met antwoord")));
    assert!(vragen.contains("Vraag van <a href=\"/werkpleinen/zaltbommel/\">"));
    // Newest first within a thema.
    let indicatoren = vragen.split("id=\"thema-indicatoren\"").nth(1).unwrap();
    let a = indicatoren
        .find("vraag-werkgeverstevredenheid-meten")
        .unwrap();
    let b = indicatoren.find("vraag-landkaart-invullen").unwrap();
    assert!(a < b, "2009-11-23 before 2009-09-14");
    // Search: a type filter "Vraag en antwoord", and the questions are of that kind.
    let zoeken = fs::read_to_string(out.join("zoeken/index.html")).unwrap();
    assert!(
        zoeken.contains("value=\"vraag\"> Vraag en antwoord"),
        "type filter"
    );
    let manifest: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("zoeken/index.json")).unwrap()).unwrap();
    let kinds = manifest["kinds"].as_array().unwrap();
    let k = kinds.iter().position(|k| k[0] == "vraag").unwrap();
    assert_eq!(kinds[k][1], "Vraag en antwoord");
    let digit = char::from(b'0' + k as u8);
    assert_eq!(
        manifest["docs"]
            .as_str()
            .unwrap()
            .chars()
            .filter(|&c| c == digit)
            .count(),
        n
    );
}
