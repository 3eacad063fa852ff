//! The data files every site has: `data/werkpleinen.yaml` and `data/regios.yaml`, and the
//! optional names of the UWV WERKbedrijf districts, `data/districten.yaml`.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::text;
use crate::yaml::{self, Locator};

pub const WERKPLEINEN: &str = crate::layout::WERKPLEINEN;
pub const REGIOS: &str = crate::layout::REGIOS;
pub const DISTRICTEN: &str = crate::layout::DISTRICTEN;

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Werkplein {
    pub id: String,
    pub naam: String,
    pub plaats: String,
    pub regio: String,
    #[serde(default)]
    pub district: Option<String>,
    #[serde(default)]
    pub gemeenten: Vec<String>,
    #[serde(default)]
    pub lat: Option<f64>,
    #[serde(default)]
    pub lon: Option<f64>,
    #[serde(default)]
    pub website: Option<String>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Regio {
    pub id: String,
    pub naam: String,
}

/// A UWV WERKbedrijf district (the `district` of a werkplein).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct District {
    pub id: String,
    pub naam: String,
}

/// Werkpleinen and regio's, with lookups by id.
#[derive(Debug, Default)]
pub struct Data {
    pub werkpleinen: Vec<Werkplein>,
    pub regios: Vec<Regio>,
    /// Every district a werkplein names, by id; named by `data/districten.yaml` (else by id).
    pub districten: Vec<District>,
    werkplein_index: BTreeMap<String, usize>,
    regio_index: BTreeMap<String, usize>,
    /// werkpleinen.yaml could not be read (reported): an unknown werkplein id elsewhere is a
    /// follow-up of that error, not a problem of its own, and is not reported.
    pub werkpleinen_failed: bool,
    /// The same for regios.yaml.
    pub regios_failed: bool,
}

impl Data {
    pub fn new(werkpleinen: Vec<Werkplein>, regios: Vec<Regio>) -> Self {
        let werkplein_index = werkpleinen
            .iter()
            .enumerate()
            .map(|(i, w)| (w.id.clone(), i))
            .collect();
        let regio_index = regios
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i))
            .collect();
        let mut districten: Vec<District> = werkpleinen
            .iter()
            .filter_map(|w| w.district.clone())
            .collect::<std::collections::BTreeSet<String>>()
            .into_iter()
            .map(|id| District {
                naam: text::capitalize(&id.replace('-', " ")),
                id,
            })
            .collect();
        districten.sort_by(|a, b| a.id.cmp(&b.id));
        Data {
            werkpleinen,
            regios,
            districten,
            werkplein_index,
            regio_index,
            werkpleinen_failed: false,
            regios_failed: false,
        }
    }

    /// Gives the districts the names of `data/districten.yaml`.
    fn name_districten(&mut self, named: &[District]) {
        for d in &mut self.districten {
            if let Some(n) = named.iter().find(|n| n.id == d.id) {
                d.naam = n.naam.clone();
            }
        }
    }

    pub fn district(&self, id: &str) -> Option<&District> {
        self.districten
            .binary_search_by(|d| d.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.districten[i])
    }

    pub fn werkplein(&self, id: &str) -> Option<&Werkplein> {
        self.werkplein_index.get(id).map(|&i| &self.werkpleinen[i])
    }

    pub fn regio(&self, id: &str) -> Option<&Regio> {
        self.regio_index.get(id).map(|&i| &self.regios[i])
    }

    pub fn werkplein_ids(&self) -> impl Iterator<Item = &str> {
        self.werkplein_index.keys().map(String::as_str)
    }

    pub fn regio_ids(&self) -> impl Iterator<Item = &str> {
        self.regio_index.keys().map(String::as_str)
    }
}

/// Parses and validates both files. `None` texts are missing files (an error: both are required).
pub fn parse(werkpleinen: Option<&str>, regios: Option<&str>, diags: &Diagnostics) -> Data {
    parse_with_districten(werkpleinen, regios, None, diags)
}

/// Like [`parse`], with the optional `data/districten.yaml`: when present, every werkplein's
/// district must be one of its ids.
pub fn parse_with_districten(
    werkpleinen: Option<&str>,
    regios: Option<&str>,
    districten: Option<&str>,
    diags: &Diagnostics,
) -> Data {
    let regios = parse_list::<Regio>(REGIOS, regios, diags, |r| &r.id);
    let werkpleinen = parse_list::<Werkplein>(WERKPLEINEN, werkpleinen, diags, |w| &w.id);
    let named: Option<Vec<District>> = districten.map(|text| {
        parse_list::<District>(DISTRICTEN, Some(text), diags, |d| &d.id)
            .into_iter()
            .flatten()
            .map(|(d, _)| d)
            .collect()
    });
    let mut data = Data::new(
        werkpleinen
            .iter()
            .flatten()
            .map(|(w, _)| w.clone())
            .collect(),
        regios.iter().flatten().map(|(r, _)| r.clone()).collect(),
    );
    data.werkpleinen_failed = werkpleinen.is_none();
    data.regios_failed = regios.is_none();
    if let Some(named) = &named {
        data.name_districten(named);
        for (w, loc) in werkpleinen.iter().flatten() {
            if let Some(d) = &w.district
                && !named.iter().any(|n| &n.id == d)
            {
                diags.push(
                    Diagnostic::error(
                        WERKPLEINEN,
                        loc.key("district"),
                        crate::msg!(UnknownDistrict, district = d, werkplein = &w.id),
                    )
                    .with_hint(
                        text::did_you_mean(d, named.iter().map(|n| n.id.as_str()))
                            .or_else(|| Some(crate::msg!(DistrictenListedIn, path = DISTRICTEN))),
                    ),
                );
            }
        }
    }
    for (w, loc) in werkpleinen.iter().flatten() {
        if data.regio(&w.regio).is_none() && !data.regios.is_empty() && !data.regios_failed {
            diags.push(
                Diagnostic::error(
                    WERKPLEINEN,
                    loc.key("regio"),
                    crate::msg!(UnknownRegio, id = &w.regio, werkplein = &w.id),
                )
                .with_hint(text::did_you_mean(&w.regio, data.regio_ids())),
            );
        }
        if let Some(url) = &w.website
            && let Some(problem) = text::url_problem(url)
        {
            diags.push(
                Diagnostic::error(
                    WERKPLEINEN,
                    loc.key("website"),
                    crate::msg!(WebsiteProblem, werkplein = &w.id, reason = problem),
                )
                .with_hint(Some(crate::msg!(WebsiteHint))),
            );
        }
        for (field, value, range) in [("lat", w.lat, 50.0..=54.0), ("lon", w.lon, 3.0..=7.5)] {
            if let Some(v) = value
                && !range.contains(&v)
            {
                diags.error(
                    WERKPLEINEN,
                    loc.key(field),
                    crate::msg!(
                        OutsideNetherlands,
                        field = field,
                        value = v,
                        werkplein = &w.id
                    ),
                );
            }
        }
    }
    data
}

/// Parses a list of records with an `id`, checking the ids' form and uniqueness; `None` when
/// the file is missing or could not be read (reported).
fn parse_list<T: serde::de::DeserializeOwned>(
    path: &str,
    text: Option<&str>,
    diags: &Diagnostics,
    id: impl Fn(&T) -> &String,
) -> Option<Vec<(T, Locator)>> {
    let Some(text) = text else {
        diags.push(
            Diagnostic::file_error(path, crate::msg!(FileMissing))
                .with_hint(Some(crate::msg!(DataFilesNeeded))),
        );
        return None;
    };
    let items: Vec<T> = match yaml::parse_data::<Option<Vec<T>>>(text, path) {
        Ok(items) => items.unwrap_or_default(),
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let locs = Locator::new(text, 1).items();
    let mut seen = BTreeMap::new();
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let loc = locs
            .get(i)
            .cloned()
            .unwrap_or_else(|| Locator::new(text, 1));
        let item_id = id(&item).clone();
        if !text::is_slug(&item_id) {
            diags.push(
                Diagnostic::error(path, loc.key("id"), crate::msg!(IdInvalid, id = &item_id))
                    .with_hint(Some(crate::msg!(
                        SlugHint,
                        example = text::slugify(&item_id)
                    ))),
            );
        }
        if let Some(first_line) = seen.insert(item_id.clone(), loc.start().line) {
            diags.push(
                Diagnostic::error(
                    path,
                    loc.key("id"),
                    crate::msg!(DuplicateIdPlain, id = &item_id),
                )
                .with_hint(Some(crate::msg!(UsedBeforeOnLine, line = first_line))),
            );
            continue;
        }
        out.push((item, loc));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const REGIOS_YAML: &str = "- id: noord\n  naam: Noord\n- id: zuid\n  naam: Zuid\n";

    #[test]
    fn parses_and_indexes() {
        let diags = Diagnostics::new();
        let w = "- id: assen\n  naam: Werkplein Assen\n  plaats: Assen\n  regio: noord\n";
        let data = parse(Some(w), Some(REGIOS_YAML), &diags);
        assert!(!diags.has_errors());
        assert_eq!(data.werkplein("assen").unwrap().plaats, "Assen");
        assert_eq!(data.regio("zuid").unwrap().naam, "Zuid");
    }

    #[test]
    fn reports_unknown_regio_duplicate_and_bad_ids_at_their_lines() {
        let diags = Diagnostics::new();
        let w = "- id: assen\n  naam: A\n  plaats: A\n  regio: nord\n\
                 - id: assen\n  naam: B\n  plaats: B\n  regio: noord\n\
                 - id: Venlo\n  naam: C\n  plaats: C\n  regio: zuid\n";
        parse(Some(w), Some(REGIOS_YAML), &diags);
        let d = diags.into_sorted();
        let lines: Vec<_> = d.iter().map(|d| (d.pos.line, d.message.en())).collect();
        assert_eq!(d.len(), 3, "{lines:?}");
        assert_eq!(d[0].pos.line, 4);
        assert_eq!(
            d[0].hint.as_ref().map(|h| h.en()).as_deref(),
            Some("did you mean 'noord'?")
        );
        assert!(d[1].message.en().contains("duplicate id 'assen'"));
        assert_eq!(d[1].pos.line, 5);
        assert!(d[2].message.en().contains("'Venlo'"));
    }

    #[test]
    fn type_errors_and_missing_files() {
        let diags = Diagnostics::new();
        parse(Some("- id: a\n  naam: [x]\n"), None, &diags);
        let d = diags.into_sorted();
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].path, REGIOS);
        assert_eq!(d[1].path, WERKPLEINEN);
        assert_eq!(d[1].pos.line, 2);
    }
}
