//! The text `svdk new` starts a page with, and what the build recognises of it: the guidance
//! sentences an editor replaces (one source for both, so a page that still holds one is
//! caught) and the headings editors write for the four parts of a praktijkvoorbeeld.

use crate::model::PRACTICE_PARTS;
use crate::text;

/// What an editor writes under each of the four parts ([`PRACTICE_PARTS`]), in that order.
pub const PART_GUIDES: [&str; 4] = [
    "Beschrijf de uitgangssituatie: welk probleem speelde er bij klanten of werkgevers, en \
     waarom moest het anders?",
    "Beschrijf wat het werkplein heeft gedaan: de aanpak, wie erbij betrokken waren (UWV, \
     gemeenten, partners) en hoe het is georganiseerd.",
    "Beschrijf wat het heeft opgeleverd voor klanten, werkgevers en het werkplein, waar \
     mogelijk in cijfers.",
    "Noem de succesfactoren en tips die andere werkpleinen kunnen overnemen.",
];

/// Body of a news item.
pub const NIEUWS: &str = "Schrijf hier het bericht: wat is er gebeurd of gaat er gebeuren, bij \
                          welk werkplein, en wat betekent het voor klanten en werkgevers?\n";

/// Body of a question: the question, then its answer.
pub const VRAAG: &str = "Schrijf hier de vraag van het werkplein in één of twee zinnen.\n\n\
                         ## Antwoord\n\n\
                         Schrijf hier het antwoord, waar mogelijk met een verwijzing naar een \
                         praktijkvoorbeeld, een thema of een contactpersoon.\n";

/// Body of an agenda item: what, when, where, for whom.
pub const AGENDA: &str = "- **Wat:** waar gaat de bijeenkomst over?\n\
                          - **Wanneer:** datum en tijd, bijvoorbeeld 12 maart 2010, 13.30–16.30 uur.\n\
                          - **Waar:** de locatie, met adres.\n\
                          - **Voor wie:** voor wie is de bijeenkomst bedoeld, en hoe meld je je aan?\n";

/// The body of a new praktijkvoorbeeld: the four parts, each with its guidance.
pub fn practice_body() -> String {
    PRACTICE_PARTS
        .iter()
        .zip(PART_GUIDES)
        .map(|(part, guide)| format!("## {part}\n\n{guide}\n"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every guidance line of the templates (headings are not guidance: they stay).
pub fn guidance() -> impl Iterator<Item = &'static str> {
    PART_GUIDES.into_iter().chain(
        [NIEUWS, VRAAG, AGENDA]
            .into_iter()
            .flat_map(str::lines)
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#')),
    )
}

/// Each guidance line with its first word.
static GUIDES: std::sync::LazyLock<Vec<(&'static str, &'static str)>> =
    std::sync::LazyLock::new(|| {
        guidance()
            .filter_map(|g| Some((g.split_whitespace().next()?, g)))
            .collect()
    });

/// Where a body still holds a guidance line of the template: (byte offset of the line, the
/// guidance), in order. Lines are compared with their spaces folded, so a re-wrapped
/// paragraph of one line still counts; a guidance line the editor changed does not.
pub fn leftover_guidance(body: &str) -> Vec<(usize, &'static str)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        // Compared word by word, so a line that differs in its first word costs one compare.
        if let Some(first) = line.split_whitespace().next()
            && let Some((_, g)) = GUIDES.iter().find(|(start, g)| {
                *start == first && g.split_whitespace().eq(line.split_whitespace())
            })
        {
            out.push((offset + (line.len() - line.trim_start().len()), *g));
        }
        offset += line.len();
    }
    out
}

/// Headings editors write for each part instead of its own ([`PRACTICE_PARTS`], same order).
pub const PART_SYNONYMS: [&[&str]; 4] = [
    &[
        "Aanleiding",
        "Achtergrond",
        "Situatie",
        "Uitgangssituatie",
        "Beginsituatie",
        "Probleem",
        "Probleemstelling",
        "Het probleem",
    ],
    &[
        "Oplossing",
        "De oplossing",
        "Aanpak",
        "De aanpak",
        "Werkwijze",
        "Wat hebben we gedaan",
        "Uitvoering",
        "Maatregelen",
    ],
    &[
        "Uitkomst",
        "Uitkomsten",
        "Resultaten",
        "Het resultaat",
        "Effect",
        "Effecten",
        "Opbrengst",
        "Wat heeft het opgeleverd",
    ],
    &[
        "Succesfactoren",
        "Tips",
        "Lessen",
        "Geleerde lessen",
        "Waarom het werkt",
        "Wat maakt het succesvol",
        "Wat maakt dat het werkt",
    ],
];

/// Of `headings` (texts of second-level headings that are no part), the one probably meant
/// for `part`: a known synonym first, else one close in spelling (`Resultaaten`).
pub fn probable_heading<'a>(part: usize, headings: &[&'a str]) -> Option<&'a str> {
    let synonyms = PART_SYNONYMS.get(part)?;
    let synonym = headings.iter().copied().find(|h| {
        let h = text::slugify(h);
        synonyms.iter().any(|s| text::slugify(s) == h)
    });
    synonym.or_else(|| {
        let wanted = text::slugify(PRACTICE_PARTS.get(part)?);
        let slugs: Vec<String> = headings.iter().map(|h| text::slugify(h)).collect();
        let near = text::closest(&wanted, slugs.iter().map(String::as_str))?;
        slugs.iter().position(|s| s == near).map(|i| headings[i])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_guidance_left_in_a_body_with_its_offset() {
        let body = format!(
            "## Situatieschets\n\n{}\n\n## Resultaat\n\nEigen tekst.\n  {}\n",
            PART_GUIDES[0], PART_GUIDES[3]
        );
        let found = leftover_guidance(&body);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].1, PART_GUIDES[0]);
        assert_eq!(&body[found[0].0..found[0].0 + 10], &PART_GUIDES[0][..10]);
        assert_eq!(found[1].1, PART_GUIDES[3]);
        // Spaces and tabs between the words do not matter.
        let spaced = PART_GUIDES[1].replace(' ', " \t ");
        assert_eq!(leftover_guidance(&spaced), [(0, PART_GUIDES[1])]);
        // Edited guidance is the editor's text.
        assert!(
            leftover_guidance("Beschrijf de uitgangssituatie: het ging om jongeren.\n").is_empty()
        );
        // Every line of the journal templates is guidance, headings are not.
        assert_eq!(leftover_guidance(AGENDA).len(), 4);
        assert_eq!(leftover_guidance(VRAAG).len(), 2);
        assert!(guidance().all(|g| !g.starts_with('#')));
    }

    #[test]
    fn the_probable_heading_of_a_missing_part() {
        assert_eq!(
            probable_heading(2, &["Uitkomst", "Aanpak"]),
            Some("Uitkomst")
        );
        assert_eq!(probable_heading(1, &["Uitkomst", "Aanpak"]), Some("Aanpak"));
        assert_eq!(probable_heading(2, &["Resultaaten"]), Some("Resultaaten"));
        assert_eq!(probable_heading(0, &["Situatie"]), Some("Situatie"));
        assert_eq!(probable_heading(2, &["Contact", "Meer weten"]), None);
        assert_eq!(
            probable_heading(3, &["Succesfactoren"]),
            Some("Succesfactoren")
        );
    }
}
