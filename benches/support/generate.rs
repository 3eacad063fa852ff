#![allow(unreachable_pub)] // shared by the bench binaries; each uses only part of it
//! A deterministic synthetic site for the benchmarks: N praktijkvoorbeelden, N/5 journal
//! items, 12 thema's and the werkpleinen of the sample site.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

// ---------------------------------------------------------------------------------------------
// Deterministic PRNG (SplitMix64)

pub struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

pub const THEMAS: [(&str, &str); 12] = [
    ("naamgeving-werkpleinen", "Naamgeving Werkpleinen"),
    (
        "dienstverleningsconcept",
        "Dienstverleningsconcept (Werkstraat)",
    ),
    ("wajong-wsw", "Wajong/WSW"),
    ("jongeren", "Jongeren tot 27 jaar"),
    ("ouderen", "Ouderen 45+"),
    ("werkgeversaanpak", "Werkgeversaanpak"),
    ("wijkaanpak", "Wijkaanpak"),
    ("indicatoren", "Indicatoren"),
    ("multichanneling", "Multichanneling"),
    ("ketenacademie", "Ketenacademie"),
    ("participatie-inburgering", "Participatie & Inburgering"),
    ("clientenparticipatie", "Cliëntenparticipatie"),
];

pub const WORDS: &[&str] = &[
    "de",
    "het",
    "een",
    "en",
    "van",
    "in",
    "op",
    "voor",
    "met",
    "naar",
    "door",
    "bij",
    "om",
    "werkplein",
    "gemeente",
    "klant",
    "klanten",
    "werkgever",
    "werkgevers",
    "uitkering",
    "werk",
    "inkomen",
    "keten",
    "ketenpartners",
    "samenwerking",
    "intake",
    "loket",
    "balie",
    "team",
    "casemanager",
    "werkcoach",
    "consulent",
    "regio",
    "arbeidsmarkt",
    "vacature",
    "vacatures",
    "re-integratie",
    "traject",
    "trajecten",
    "afspraak",
    "afspraken",
    "resultaat",
    "resultaten",
    "aanpak",
    "doelgroep",
    "jongeren",
    "ouderen",
    "werkzoekenden",
    "bijstand",
    "WWB",
    "WW",
    "Wajong",
    "dienstverlening",
    "kwaliteit",
    "tevredenheid",
    "uitstroom",
    "instroom",
    "doel",
    "gezamenlijk",
    "gezamenlijke",
    "direct",
    "snel",
    "sneller",
    "beter",
    "eerst",
    "daarna",
    "iedere",
    "elke",
    "alle",
    "nieuwe",
    "eigen",
    "lokale",
    "regionale",
    "landelijke",
    "werken",
    "werkt",
    "zoeken",
    "vinden",
    "begeleiden",
    "bemiddelen",
    "plaatsen",
    "starten",
    "organiseren",
    "verbeteren",
    "afstemmen",
    "delen",
    "leren",
    "meten",
    "bespreken",
    "wordt",
    "worden",
    "is",
    "zijn",
    "heeft",
    "hebben",
    "kan",
    "kunnen",
    "moet",
    "moeten",
    "binnen",
    "buiten",
    "tussen",
    "zonder",
    "tijdens",
    "na",
    "week",
    "weken",
    "maand",
    "maanden",
    "jaar",
    "procent",
    "helft",
    "deel",
    "plan",
    "overleg",
    "ketenoverleg",
    "werkgeversservicepunt",
    "werkstraat",
    "kwartiermaker",
    "stuurgroep",
    "programmaraad",
    "mijlpaal",
    "mijlpalen",
    "tertaal",
    "score",
    "landkaart",
    "informatie",
    "systeem",
    "dossier",
    "digitaal",
    "website",
    "telefoon",
    "gesprek",
    "gesprekken",
    "huisbezoek",
    "wijk",
    "buurt",
    "school",
    "opleiding",
    "stage",
    "leerwerkplek",
    "proefplaatsing",
    "loonkostensubsidie",
    "jobcoach",
    "netwerk",
    "bedrijven",
    "branche",
    "zorg",
    "schulden",
];

pub const SOORTEN: [&str; 3] = ["nieuws", "vraag", "agenda"];

pub fn sentence(rng: &mut Rng) -> String {
    let n = rng.range(7, 16);
    let mut s = String::new();
    for i in 0..n {
        let w = *rng.pick(WORDS);
        if i == 0 {
            let mut c = w.chars();
            let first = c.next().unwrap();
            s.extend(first.to_uppercase());
            s.push_str(c.as_str());
        } else {
            s.push(' ');
            s.push_str(w);
            if i + 1 < n && rng.below(12) == 0 {
                s.push(',');
            }
        }
    }
    s.push('.');
    s
}

/// Sentences until about `words` words.
pub fn paragraph(rng: &mut Rng, words: usize) -> String {
    let mut p = String::new();
    while p.split_whitespace().count() < words {
        if !p.is_empty() {
            p.push(' ');
        }
        p.push_str(&sentence(rng));
    }
    p
}

pub fn title(rng: &mut Rng) -> String {
    let s = sentence(rng);
    let words: Vec<&str> = s
        .trim_end_matches('.')
        .split_whitespace()
        .take(rng.range(3, 7))
        .collect();
    words.join(" ").trim_end_matches(',').replace(',', "")
}

pub fn date(rng: &mut Rng) -> (u32, u32, u32) {
    (
        2008 + rng.below(3) as u32,
        1 + rng.below(12) as u32,
        1 + rng.below(28) as u32,
    )
}

pub fn yaml_str(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

// ---------------------------------------------------------------------------------------------
// Site generation

pub struct Generated {
    pub files: usize,
    pub bytes: u64,
}

pub fn write(root: &Path, rel: &str, text: &str, g: &mut Generated) {
    let p = root.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(&p, text).unwrap();
    g.files += 1;
    g.bytes += text.len() as u64;
}

pub fn ids_of(yaml: &str) -> Vec<String> {
    let v: yaml_serde::Value = yaml_serde::from_str(yaml).expect("valid yaml");
    v.as_sequence()
        .expect("a list")
        .iter()
        .filter_map(|e| e.get("id").and_then(|i| i.as_str()).map(str::to_string))
        .collect()
}

/// data/werkpleinen.yaml and data/regios.yaml: the repo's own when present, else generated.
pub fn data_files(rng: &mut Rng) -> (String, String) {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    if let (Ok(w), Ok(r)) = (
        fs::read_to_string(data.join("werkpleinen.yaml")),
        fs::read_to_string(data.join("regios.yaml")),
    ) {
        return (w, r);
    }
    let mut regios = String::new();
    for i in 1..=35 {
        regios.push_str(&format!(
            "- id: regio-{i:02}\n  naam: Arbeidsmarktregio {i}\n"
        ));
    }
    let mut wp = String::new();
    for i in 1..=125 {
        let lat = 50.8 + (rng.below(2_600) as f64) / 1000.0;
        let lon = 3.4 + (rng.below(3_700) as f64) / 1000.0;
        wp.push_str(&format!(
            "- id: werkplein-{i:03}\n  naam: Werkplein {i}\n  plaats: Plaats {i}\n  regio: regio-{:02}\n  district: district-{}\n  gemeenten: [Gemeente {i}a, Gemeente {i}b]\n  lat: {lat:.4}\n  lon: {lon:.4}\n",
            1 + (i - 1) % 35,
            1 + (i - 1) % 11
        ));
    }
    (wp, regios)
}

pub fn generate(root: &Path, n: usize) -> Generated {
    let mut rng = Rng::new(0x5EED_0000 ^ n as u64);
    let mut g = Generated { files: 0, bytes: 0 };

    write(
        root,
        "site.yaml",
        "title: Samen voor de klant (benchmark)\nbase_url: https://bench.example.org/\nlanguage: nl\n",
        &mut g,
    );
    let (wp, regios) = data_files(&mut rng);
    let werkpleinen = ids_of(&wp);
    write(root, "data/werkpleinen.yaml", &wp, &mut g);
    write(root, "data/regios.yaml", &regios, &mut g);

    write(
        root,
        "content/_index.md",
        &format!(
            "---\ntitle: Samen voor de klant\n---\n\n{}\n",
            paragraph(&mut rng, 80)
        ),
        &mut g,
    );

    for (id, naam) in THEMAS {
        let text = format!(
            "---\ntitle: {}\nsamenvatting: {}\n---\n\n{}\n\n## Aanpak\n\n{}\n\n{}\n\n## Achtergrond\n\n{}\n",
            yaml_str(naam),
            yaml_str(&sentence(&mut rng)),
            paragraph(&mut rng, 60),
            paragraph(&mut rng, 90),
            paragraph(&mut rng, 90),
            paragraph(&mut rng, 120),
        );
        write(root, &format!("content/themas/{id}.md"), &text, &mut g);
    }

    write(
        root,
        "content/kaderdocument/_index.md",
        &format!(
            "---\ntitle: Werk aan de winkel; aan de slag\n---\n\n{}\n",
            paragraph(&mut rng, 150)
        ),
        &mut g,
    );
    for h in 1..=8 {
        let mut body = String::new();
        for s in 1..=4 {
            body.push_str(&format!(
                "## Paragraaf {h}.{s}\n\n{}\n\n{}\n\n",
                paragraph(&mut rng, 120),
                paragraph(&mut rng, 120)
            ));
        }
        write(
            root,
            &format!("content/kaderdocument/hoofdstuk-{h}.md"),
            &format!(
                "---\ntitle: {}\nweight: {h}\n---\n\n{body}",
                yaml_str(&format!("Hoofdstuk {h}: {}", title(&mut rng)))
            ),
            &mut g,
        );
    }

    // N praktijkvoorbeelden of ~600 words each
    for i in 0..n {
        let (y, m, d) = date(&mut rng);
        let k = rng.range(1, 3);
        let mut themas: Vec<&str> = Vec::new();
        while themas.len() < k {
            let t = rng.pick(&THEMAS).0;
            if !themas.contains(&t) {
                themas.push(t);
            }
        }
        let werkplein = rng.pick(&werkpleinen).clone();
        let link_thema = themas[0];
        let text = format!(
            "---\ntitle: {}\ndate: {y:04}-{m:02}-{d:02}\nwerkplein: {werkplein}\nthemas: [{}]\nsamenvatting: {}\n---\n\n\
             ## Situatieschets\n\n{}\n\n{}\n\n\
             ## Gekozen oplossing\n\n{}\n\nZie ook [het thema](../themas/{link_thema}.md#aanpak). {}\n\n\
             ## Resultaat\n\n{}\n\n- {}\n- {}\n- {}\n\n\
             ## Wat maakt dat het werkt?\n\n{}\n",
            yaml_str(&format!("{} ({})", title(&mut rng), i + 1)),
            themas.join(", "),
            yaml_str(&sentence(&mut rng)),
            paragraph(&mut rng, 80),
            paragraph(&mut rng, 70),
            paragraph(&mut rng, 90),
            paragraph(&mut rng, 60),
            paragraph(&mut rng, 100),
            sentence(&mut rng),
            sentence(&mut rng),
            sentence(&mut rng),
            paragraph(&mut rng, 110),
        );
        write(
            root,
            &format!("content/praktijkvoorbeelden/pv-{:05}.md", i + 1),
            &text,
            &mut g,
        );
    }

    // N/5 journal items across the monthly editions of 2008–2010
    for i in 0..(n / 5).max(1) {
        let (y, m, d) = date(&mut rng);
        let soort = SOORTEN[i % 3];
        let mut fm = format!(
            "---\ntitle: {}\ndate: {y:04}-{m:02}-{d:02}\nsoort: {soort}\nsamenvatting: {}\nwerkpleinen: [{}]\nthemas: [{}]\n",
            yaml_str(&title(&mut rng)),
            yaml_str(&sentence(&mut rng)),
            rng.pick(&werkpleinen),
            rng.pick(&THEMAS).0,
        );
        if soort == "vraag" {
            fm.push_str(&format!("vraag_van: {}\n", rng.pick(&werkpleinen)));
        }
        fm.push_str("---\n\n");
        let body = format!(
            "{}\n\n{}\n",
            paragraph(&mut rng, 90),
            paragraph(&mut rng, 60)
        );
        write(
            root,
            &format!("content/journaal/j-{:05}.md", i + 1),
            &(fm + &body),
            &mut g,
        );
    }
    g
}
