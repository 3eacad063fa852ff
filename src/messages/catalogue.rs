// The catalogue of messages (included by src/messages.rs): every key with its English and
// Dutch template. Placeholders are `{name}`; both languages use the same names.
//
// Dutch: write as the site's editors speak (communication staff, not programmers): "je", short
// sentences, the domain words of the site (werkplein, praktijkvoorbeeld, periode, mijlpaal).

catalogue! {
    // The frame of every diagnostic.
    LabelError { en: "error", nl: "fout" }
    LabelWarning { en: "warning", nl: "waarschuwing" }
    LabelHint { en: "hint", nl: "tip" }
    DidYouMean { en: "did you mean '{candidate}'?", nl: "bedoelde je '{candidate}'?" }

    // Files in general.
    FileMissing { en: "the file is missing", nl: "het bestand ontbreekt" }
    UnknownWerkplein { en: "unknown werkplein '{id}'", nl: "onbekend werkplein '{id}'" }

    // YAML (src/yaml.rs).
    FrontMatterNotClosed {
        en: "front matter is not closed: add a line '---' after it",
        nl: "de kop (front matter) is niet afgesloten: zet er een regel '---' onder",
    }
    YamlHint {
        en: "check indentation and quote values that contain ':' or start with a special character",
        nl: "controleer het inspringen en zet waarden met een ':' of met een bijzonder teken aan het begin tussen aanhalingstekens",
    }
    YamlMissingField { en: "YAML: missing '{field}'", nl: "YAML: '{field}' ontbreekt" }
    YamlUnknownField { en: "YAML: unknown field '{field}'", nl: "YAML: onbekend veld '{field}'" }
    YamlInvalidType {
        en: "YAML: invalid type: {found}, expected {expected}",
        nl: "YAML: verkeerd soort waarde ({found}; verwacht: {expected})",
    }
    YamlDuplicateKey {
        en: "YAML: a key appears twice ({detail})",
        nl: "YAML: een sleutel staat er twee keer in ({detail})",
    }
    YamlMappingValues {
        en: "YAML: mapping values are not allowed in this context",
        nl: "YAML: hier mag geen 'sleutel: waarde' staan (staat er een ':' in een waarde zonder aanhalingstekens?)",
    }
    YamlExpectedKey {
        en: "YAML: did not find expected key",
        nl: "YAML: hier werd een regel 'sleutel: waarde' verwacht",
    }
    YamlBadToken {
        en: "YAML: found character that cannot start any token",
        nl: "YAML: een waarde kan niet met dit teken beginnen",
    }
    YamlTab {
        en: "YAML: a tab character used for indentation",
        nl: "YAML: er is ingesprongen met een tab; gebruik spaties",
    }
    YamlUnexpectedEnd {
        en: "YAML: the file ends too early",
        nl: "YAML: het bestand houdt te vroeg op",
    }
    YamlOther { en: "YAML: {detail}", nl: "YAML-fout: {detail}" }
    YamlExpectedMapping {
        en: "expected 'key: value' lines, found {found}",
        nl: "hier horen regels 'sleutel: waarde', maar er staat {found}",
    }
    YamlTooDeepHint {
        en: "svdk's files need a few levels of lists and mappings: check for a runaway '[' or '{', or split the file",
        nl: "de bestanden van svdk hebben maar een paar niveaus van lijsten nodig: zoek een '[' of '{' die niet wordt gesloten, of splits het bestand",
    }
    YamlExpectedList {
        en: "expected a list of '- key: value' items, found {found}",
        nl: "hier hoort een lijst van items '- sleutel: waarde', maar er staat {found}",
    }
    YamlExpectedListHint {
        en: "start every item with '- ' at the beginning of a line",
        nl: "begin elk item met '- ' aan het begin van een regel",
    }
    YamlExpectedItemMapping {
        en: "expected 'key: value' lines in this item, found {found}",
        nl: "in dit item horen regels 'sleutel: waarde', maar er staat {found}",
    }
    KindNothing { en: "nothing", nl: "niets" }
    KindBool { en: "true/false", nl: "een ja/nee-waarde (true/false)" }
    KindNumber { en: "a number", nl: "een getal" }
    KindText { en: "text", nl: "tekst" }
    KindList { en: "a list", nl: "een lijst" }
    KindMapping { en: "a mapping", nl: "een groep 'sleutel: waarde'-regels" }
    KindTagged { en: "a tagged value", nl: "een waarde met een tag" }
    YamlTooLarge {
        en: "YAML text of {mb} MB is too large (at most {max} MB)",
        nl: "YAML-tekst van {mb} MB is te groot (hooguit {max} MB)",
    }
    YamlTooDeep {
        en: "YAML nested more than {max} levels deep",
        nl: "YAML is meer dan {max} niveaus diep genest",
    }
    WrongType {
        en: "'{key}' should be {expected}, not {found}",
        nl: "'{key}' moet {expected} zijn, niet {found}",
    }
    ExpectMapping { en: "a mapping of 'name: value' lines", nl: "een groep regels 'naam: waarde'" }
    ExpectBool { en: "true or false", nl: "true of false" }
    ExpectWholeNumber { en: "a whole number", nl: "een geheel getal" }
    ExpectIdList { en: "a list of ids", nl: "een lijst van id's" }
    ExpectList { en: "a list like [a, b]", nl: "een lijst zoals [a, b]" }
    UnknownFieldIgnored {
        en: "unknown field '{key}' is ignored",
        nl: "onbekend veld '{key}' wordt overgeslagen",
    }
    MissingKey { en: "missing '{key}'", nl: "'{key}' ontbreekt" }
    AddKeyLine { en: "add a line '{key}: ...'", nl: "voeg een regel '{key}: ...' toe" }
    KeyEmpty { en: "'{key}' is empty", nl: "'{key}' is leeg" }
    ListedTwice {
        en: "'{id}' is listed more than once in '{key}'",
        nl: "'{id}' staat meer dan eens in '{key}'",
    }
    ListedTwiceHint {
        en: "list each id once; the repeats are ignored",
        nl: "noem elke id één keer; de herhalingen worden overgeslagen",
    }
    NotADate { en: "'{key}' is not a valid date: '{value}'", nl: "'{key}' is geen geldige datum: '{value}'" }
    DateHint {
        en: "write dates as YYYY-MM-DD, e.g. 2009-06-15",
        nl: "schrijf datums als JJJJ-MM-DD, bijvoorbeeld 2009-06-15",
    }

    // site.yaml (src/config.rs, src/nieuwsbrief.rs).
    NotHttpUrl { en: "'{url}' is not an http(s) URL", nl: "'{url}' is geen http(s)-adres" }
    NoHostName { en: "'{url}' has no valid host name", nl: "'{url}' heeft geen geldige domeinnaam" }
    UrlQueryFragmentSpace {
        en: "'{url}' must not contain a query, fragment or space",
        nl: "'{url}' mag geen '?', '#' of spatie bevatten",
    }
    BaseUrlHint {
        en: "e.g. https://www.samenvoordeklant.nl/ or https://example.org/sub/",
        nl: "bijvoorbeeld https://www.samenvoordeklant.nl/ of https://example.org/sub/",
    }
    PagineringRange {
        en: "'paginering' must be between 1 and 10000, not {n}",
        nl: "'paginering' moet tussen 1 en 10000 liggen, niet {n}",
    }
    PagineringHint {
        en: "the number of practices on a page of a list, e.g. paginering: {n}",
        nl: "het aantal praktijkvoorbeelden op een pagina van een lijst, bijvoorbeeld paginering: {n}",
    }
    KioskEmail {
        en: "kiosk 'email' is not an e-mail address: '{value}'",
        nl: "kiosk 'email' is geen e-mailadres: '{value}'",
    }
    KioskEmailHint { en: "e.g. email: kiosk@samenvoordeklant.nl", nl: "bijvoorbeeld email: kiosk@samenvoordeklant.nl" }
    KioskTelefoon {
        en: "kiosk 'telefoon' is not a telephone number: '{value}'",
        nl: "kiosk 'telefoon' is geen telefoonnummer: '{value}'",
    }
    KioskTelefoonHint {
        en: "use digits, spaces, '-' and a leading '+', e.g. telefoon: 030 123 45 67",
        nl: "gebruik cijfers, spaties, '-' en eventueel een '+' vooraan, bijvoorbeeld telefoon: 030 123 45 67",
    }
    KioskEmpty {
        en: "'kiosk' has neither 'email' nor 'telefoon'",
        nl: "'kiosk' heeft geen 'email' en geen 'telefoon'",
    }
    KioskEmptyHint {
        en: "add 'email: ...' and/or 'telefoon: ...' under 'kiosk:'",
        nl: "zet 'email: ...' en/of 'telefoon: ...' onder 'kiosk:'",
    }
    NieuwsbriefNoFrom { en: "'nieuwsbrief' has no 'from'", nl: "'nieuwsbrief' heeft geen 'from'" }
    NieuwsbriefNoFromHint {
        en: "add e.g. 'from: Werkpleinjournaal <journaal@samenvoordeklant.nl>'",
        nl: "voeg bijvoorbeeld 'from: Werkpleinjournaal <journaal@samenvoordeklant.nl>' toe",
    }
    NieuwsbriefFrom { en: "nieuwsbrief 'from': {reason}", nl: "afzender van de nieuwsbrief ('from'): {reason}" }
    NieuwsbriefFromHint {
        en: "write 'Naam <adres@domein.nl>' or 'adres@domein.nl'; quote it in YAML",
        nl: "schrijf 'Naam <adres@domein.nl>' of 'adres@domein.nl', tussen aanhalingstekens",
    }
    AfzenderNotAddress {
        en: "'{value}' is not an address like Naam <naam@example.org>",
        nl: "'{value}' is geen adres zoals Naam <naam@example.org>",
    }
    AfzenderBadName {
        en: "the name '{name}' contains <, > or \"",
        nl: "de naam '{name}' bevat <, > of \"",
    }
    NotEmail { en: "'{value}' is not an e-mail address", nl: "'{value}' is geen e-mailadres" }

    // Agenda fields (src/agenda.rs).
    NotAMoment {
        en: "'{value}' is not a date or a date and time",
        nl: "'{value}' is geen datum of datum met tijd",
    }
    MomentHint {
        en: "write YYYY-MM-DD or YYYY-MM-DDTHH:MM (Dutch time), e.g. 2009-10-08T13:00",
        nl: "schrijf JJJJ-MM-DD of JJJJ-MM-DDTUU:MM (Nederlandse tijd), bijvoorbeeld 2009-10-08T13:00",
    }
    NotATime { en: "'{value}' is not a time of day", nl: "'{value}' is geen tijdstip" }
    TimeHint {
        en: "write the time as HH:MM, from 00:00 to 23:59",
        nl: "schrijf de tijd als UU:MM, van 00:00 tot en met 23:59",
    }
    TotHasTime {
        en: "'{value}' has a time but 'wanneer' has none",
        nl: "'{value}' heeft een tijd, maar 'wanneer' niet",
    }
    TotHasTimeHint {
        en: "give 'wanneer' a start time too (YYYY-MM-DDTHH:MM), or write 'tot' as a date",
        nl: "geef 'wanneer' ook een begintijd (JJJJ-MM-DDTUU:MM), of schrijf 'tot' als datum",
    }
    TotIsDate {
        en: "'{value}' is a date but 'wanneer' has a time",
        nl: "'{value}' is een datum, maar 'wanneer' heeft een tijd",
    }
    TotIsDateHint {
        en: "write the end as HH:MM (same day) or YYYY-MM-DDTHH:MM",
        nl: "schrijf het einde als UU:MM (dezelfde dag) of als JJJJ-MM-DDTUU:MM",
    }
    TotBefore { en: "'{value}' is before 'wanneer' ({van})", nl: "'{value}' ligt vóór 'wanneer' ({van})" }
    TotBeforeHint {
        en: "'tot' is when the activity ends: on or after 'wanneer'",
        nl: "'tot' is het einde van de activiteit: op of na 'wanneer'",
    }
    TotSame { en: "'{value}' is the same time as 'wanneer'", nl: "'{value}' is hetzelfde tijdstip als 'wanneer'" }
    TotSameHint {
        en: "leave 'tot' out when the end time is not known",
        nl: "laat 'tot' weg als de eindtijd niet bekend is",
    }

    // Pages (src/content.rs).
    MissingDateHint {
        en: "praktijkvoorbeelden and journaal items need 'date: YYYY-MM-DD'",
        nl: "praktijkvoorbeelden en journaalberichten hebben 'date: JJJJ-MM-DD' nodig",
    }
    UnknownSoort { en: "unknown soort '{id}'", nl: "onbekende soort '{id}'" }
    SoortHint { en: "use nieuws, vraag or agenda", nl: "kies nieuws, vraag of agenda" }
    EditieNotMonth { en: "'editie' is not a month: '{value}'", nl: "'editie' is geen maand: '{value}'" }
    EditieHint { en: "write it as YYYY-MM, e.g. 2009-10", nl: "schrijf het als JJJJ-MM, bijvoorbeeld 2009-10" }
    VraagVanOnlyVraag {
        en: "'vraag_van' is only used for items with 'soort: vraag'",
        nl: "'vraag_van' wordt alleen gebruikt bij berichten met 'soort: vraag'",
    }
    OnlyAgenda {
        en: "'{key}' is only used for items with 'soort: agenda'",
        nl: "'{key}' wordt alleen gebruikt bij berichten met 'soort: agenda'",
    }
    OnlyAgendaHint {
        en: "add 'soort: agenda' or remove the field",
        nl: "voeg 'soort: agenda' toe of haal het veld weg",
    }
    FieldProblem { en: "'{key}': {reason}", nl: "'{key}': {reason}" }
    TotWithoutWanneer { en: "'tot' without 'wanneer'", nl: "'tot' zonder 'wanneer'" }
    TotWithoutWanneerHint {
        en: "add 'wanneer: YYYY-MM-DD' (or YYYY-MM-DDTHH:MM) for the start",
        nl: "voeg 'wanneer: JJJJ-MM-DD' (of JJJJ-MM-DDTUU:MM) toe voor het begin",
    }
    WaarWithoutWanneer {
        en: "'waar' without 'wanneer': the item is not in the agenda",
        nl: "'waar' zonder 'wanneer': het bericht staat niet in de agenda",
    }
    WaarWithoutWanneerHint {
        en: "add 'wanneer: YYYY-MM-DD' (or YYYY-MM-DDTHH:MM)",
        nl: "voeg 'wanneer: JJJJ-MM-DD' (of JJJJ-MM-DDTUU:MM) toe",
    }
    ThemaFileName {
        en: "theme file name '{name}' is not a valid id",
        nl: "de bestandsnaam '{name}' van het thema is geen geldige id",
    }
    RenameTo { en: "rename it to {name}", nl: "geef het de naam {name}" }
    SlugInvalid { en: "slug '{slug}' is not valid", nl: "slug '{slug}' is niet geldig" }
    SlugHint {
        en: "use lowercase letters, digits and '-', e.g. '{example}'",
        nl: "gebruik kleine letters, cijfers en '-', bijvoorbeeld '{example}'",
    }
    EmptySlug {
        en: "file name '{name}' gives an empty slug: the page would have no URL of its own",
        nl: "de bestandsnaam '{name}' geeft een lege slug: de pagina zou geen eigen adres krijgen",
    }
    EmptySlugHint {
        en: "rename the file to a name with letters or digits, or add a line 'slug: ...'",
        nl: "geef het bestand een naam met letters of cijfers, of voeg een regel 'slug: ...' toe",
    }
    WerkpleinIdsHint {
        en: "werkplein ids are listed in data/werkpleinen.yaml",
        nl: "de id's van de werkpleinen staan in data/werkpleinen.yaml",
    }
    UnknownThema { en: "unknown thema '{id}'", nl: "onbekend thema '{id}'" }
    ThemaIdsHint {
        en: "a thema id is the name of a file in content/themas/",
        nl: "de id van een thema is de naam van een bestand in content/themas/",
    }

    // The Landkaart (src/landkaart/).
    BandReversed {
        en: "'{id}' runs from {van} to {tot}: van is above tot",
        nl: "'{id}' loopt van {van} tot {tot}: van is groter dan tot",
    }
    BandGap { en: "gap before '{id}': {from}..{to} is in no band", nl: "gat vóór '{id}': {from}..{to} valt in geen enkele band" }
    BandOverlap {
        en: "'{id}' overlaps the one before it: {value} is in two bands",
        nl: "'{id}' overlapt met de vorige: {value} valt in twee banden",
    }
    BandsNone {
        en: "there are none: add bands covering 0 to 100",
        nl: "er zijn er geen: voeg banden toe die 0 tot en met 100 dekken",
    }
    BandLastShort {
        en: "the last one, '{id}', ends at {tot} instead of 100",
        nl: "de laatste, '{id}', houdt op bij {tot} in plaats van 100",
    }
    BandSection { en: "{key}: {reason}", nl: "{key}: {reason}" }
    LandkaartCsvWithoutYaml {
        en: "a Landkaart CSV without data/landkaart.yaml",
        nl: "een Landkaart-CSV zonder data/landkaart.yaml",
    }
    LandkaartCsvWithoutYamlHint {
        en: "add data/landkaart.yaml with the fasen, banden and perioden",
        nl: "maak data/landkaart.yaml met de fasen, banden en perioden",
    }
    LandkaartPeriodeUnknown {
        en: "landkaart_periode '{id}' is not a period in {file}",
        nl: "landkaart_periode '{id}' is geen periode in {file}",
    }
    NoPeriod { en: "no period '{id}' in {file}", nl: "geen periode '{id}' in {file}" }
    NameAfterPeriod {
        en: "name the file (or the folder of report files) after a period id: {ids}",
        nl: "geef het bestand (of de map met rapportages) de naam van een periode: {ids}",
    }
    ReportTooDeep { en: "a report file in a folder too deep", nl: "een rapportage in een map die te diep ligt" }
    ReportTooDeepHint {
        en: "put a werkplein's report in {dir}/<periode>/<werkplein>.csv",
        nl: "zet de rapportage van een werkplein in {dir}/<periode>/<werkplein>.csv",
    }
    ReportUnknownWerkplein {
        en: "report file of unknown werkplein '{id}'",
        nl: "rapportage van onbekend werkplein '{id}'",
    }
    ReportNameHint {
        en: "name a report file after the werkplein's id in data/werkpleinen.yaml",
        nl: "geef een rapportage de id van het werkplein in data/werkpleinen.yaml als naam",
    }
    ReportedTwice {
        en: "werkplein '{id}' is reported twice for '{periode}': in this file and in {other} (line {line})",
        nl: "werkplein '{id}' staat twee keer in '{periode}': in dit bestand en in {other} (regel {line})",
    }
    ReportedTwiceHint {
        en: "keep one: remove its row from {other}, or delete {file}",
        nl: "houd er één: haal de regel weg uit {other}, of verwijder {file}",
    }
    MijlpaalUnknownThema {
        en: "mijlpaal '{mijlpaal}': unknown thema '{id}'",
        nl: "mijlpaal '{mijlpaal}': onbekend thema '{id}'",
    }
    IdNotValid { en: "{kind} id '{id}' is not a valid id", nl: "{kind}-id '{id}' is geen geldige id" }
    ForExample { en: "e.g. '{example}'", nl: "bijvoorbeeld '{example}'" }
    DuplicateId { en: "duplicate {kind} id '{id}'", nl: "{kind}-id '{id}' komt twee keer voor" }
    IdAlsoOther { en: "{kind} id '{id}' is also a {other} id", nl: "{kind}-id '{id}' is ook een {other}-id" }
    NoMijlpalen { en: "the Landkaart has no mijlpalen", nl: "de Landkaart heeft geen mijlpalen" }
    PeriodNotDate {
        en: "period '{id}': {field} '{value}' is not a date",
        nl: "periode '{id}': {field} '{value}' is geen datum",
    }
    DateHintShort { en: "write dates as YYYY-MM-DD", nl: "schrijf datums als JJJJ-MM-DD" }
    PeriodEndsBeforeStart {
        en: "period '{id}' ends before it starts",
        nl: "periode '{id}' eindigt voordat hij begint",
    }
    PeriodOrder {
        en: "period '{id}' does not follow the one before it",
        nl: "periode '{id}' sluit niet aan op de periode ervoor",
    }
    PeriodOrderHint {
        en: "list perioden oldest first, without overlap",
        nl: "zet de perioden op volgorde, de oudste eerst, zonder overlap",
    }
    ColumnTwice { en: "column '{name}' appears twice", nl: "kolom '{name}' staat er twee keer in" }
    UnknownMijlpaal { en: "unknown mijlpaal '{id}'", nl: "onbekende mijlpaal '{id}'" }
    MijlpaalIdsHint {
        en: "mijlpaal ids are listed in {file}",
        nl: "de id's van de mijlpalen staan in {file}",
    }
    AnswerNotFour {
        en: "answer '{value}' is not one of the Landkaart's four answers",
        nl: "antwoord '{value}' is geen van de vier antwoorden van de Landkaart",
    }
    ScoreNotFour {
        en: "score '{value}' is not one of the Landkaart's four answers",
        nl: "score '{value}' is geen van de vier antwoorden van de Landkaart",
    }
    FourAnswersHint {
        en: "a werkplein reports 0, 33, 66 or 100; leave the cell empty when not reported",
        nl: "een werkplein antwoordt 0, 33, 66 of 100; laat de cel leeg als er niets is gemeld",
    }
    ScoreNotNumber {
        en: "score '{value}' is not a whole number from 0 to 100",
        nl: "score '{value}' is geen geheel getal van 0 tot en met 100",
    }
    ScoreHint {
        en: "the Landkaart's answers are 0, 33, 66 and 100; leave the cell empty when not reported",
        nl: "de antwoorden van de Landkaart zijn 0, 33, 66 en 100; laat de cel leeg als er niets is gemeld",
    }
    FirstColumnWerkplein {
        en: "the first column must be 'werkplein'",
        nl: "de eerste kolom moet 'werkplein' zijn",
    }
    HeaderHint { en: "header: {header}", nl: "kopregel: {header}" }
    NoMijlpaalColumn { en: "no column for mijlpaal '{id}'", nl: "geen kolom voor mijlpaal '{id}'" }
    NoMijlpaalColumnHint {
        en: "it counts as not reported by every werkplein",
        nl: "die telt dan voor elk werkplein als niet gemeld",
    }
    ReportNoRow { en: "this report file has no row", nl: "deze rapportage heeft geen regel" }
    ReportOneRow {
        en: "a werkplein's report holds exactly one row, for '{id}'",
        nl: "de rapportage van een werkplein heeft precies één regel, voor '{id}'",
    }
    ReportSecondRow { en: "a second row in a report file", nl: "een tweede regel in een rapportage" }
    ReportSecondRowHint {
        en: "a werkplein's report holds exactly one row, for '{id}'; put other werkpleinen in their own files",
        nl: "de rapportage van een werkplein heeft precies één regel, voor '{id}'; zet andere werkpleinen in een eigen bestand",
    }
    ReportRowOther {
        en: "this row is for werkplein '{id}', but the file is named after '{expected}'",
        nl: "deze regel is voor werkplein '{id}', maar het bestand heet naar '{expected}'",
    }
    ReportRowOtherHint {
        en: "name the file {id}.csv, or correct the werkplein column",
        nl: "noem het bestand {id}.csv, of verbeter de kolom werkplein",
    }
    WerkpleinSecondRow { en: "werkplein '{id}' has a second row", nl: "werkplein '{id}' heeft een tweede regel" }
    FirstRowHint { en: "its first row is line {line}; keep one", nl: "de eerste staat op regel {line}; houd er één" }
    BijgewerktNotDate { en: "bijgewerkt '{value}' is not a date", nl: "bijgewerkt '{value}' is geen datum" }
    BijgewerktHint {
        en: "write the date of the last update as YYYY-MM-DD, or leave it empty",
        nl: "schrijf de datum van de laatste wijziging als JJJJ-MM-DD, of laat de cel leeg",
    }

    FrontMatterMissing {
        en: "missing front matter: the file must start with a line '---'",
        nl: "de kop (front matter) ontbreekt: het bestand moet beginnen met een regel '---'",
    }

    // CSV files (src/table.rs).
    UnknownColumn { en: "unknown column '{name}'", nl: "onbekende kolom '{name}'" }
    ColumnsAre { en: "the columns are: {columns}", nl: "de kolommen zijn: {columns}" }
    ColumnsAreWithOptional {
        en: "the columns are: {columns}, and optionally {optional}",
        nl: "de kolommen zijn: {columns}, en eventueel {optional}",
    }
    MissingColumn { en: "missing column '{name}'", nl: "kolom '{name}' ontbreekt" }
    HeaderMustBe { en: "the header must be: {header}", nl: "de kopregel moet zijn: {header}" }
    CsvError { en: "CSV: {detail}", nl: "CSV-fout: {detail}" }
    RowWidth {
        en: "row has {cells} cells, the header has {width}",
        nl: "de regel heeft {cells} cellen, de kopregel {width}",
    }
    RowWidthHint {
        en: "separate cells with '{separator}' and leave a cell empty rather than out",
        nl: "scheid de cellen met '{separator}' en laat een cel liever leeg dan weg",
    }
    CsvEmpty {
        en: "file is empty: it needs a header row",
        nl: "het bestand is leeg: er moet minstens een kopregel in",
    }

    // BVG-monitor (src/bvg.rs).
    BvgWithoutYaml { en: "a BVG-monitor without {file}", nl: "een BVG-monitor zonder {file}" }
    BvgWithoutYamlHint {
        en: "add {file} with the statussen (id, naam, onder_een_dak)",
        nl: "maak {file} met de statussen (id, naam, onder_een_dak)",
    }
    BvgNoStatussen { en: "the BVG-monitor has no statussen", nl: "de BVG-monitor heeft geen statussen" }
    NotADateValue { en: "'{value}' is not a valid date", nl: "'{value}' is geen geldige datum" }
    UnknownStatus { en: "unknown status '{id}'", nl: "onbekende status '{id}'" }
    StatussenAre { en: "the statussen in {file} are: {ids}", nl: "de statussen in {file} zijn: {ids}" }
    WerkpleinSecondRowFor {
        en: "werkplein '{id}' has a second row for {datum}",
        nl: "werkplein '{id}' heeft een tweede regel voor {datum}",
    }

    // Criteria (src/criteria.rs).
    MetingWithoutYaml { en: "a meting without {file}", nl: "een meting zonder {file}" }
    MetingWithoutYamlHint {
        en: "add {file} with the criteria, their eisen and the metingen",
        nl: "maak {file} met de criteria, hun eisen en de metingen",
    }
    CriteriumNoEisen { en: "criterium '{id}' has no eisen", nl: "criterium '{id}' heeft geen eisen" }
    NoMeting { en: "no meting '{id}' in {file}", nl: "geen meting '{id}' in {file}" }
    NameAfterMeting {
        en: "name the file after a meting id: {ids}",
        nl: "geef het bestand de naam van een meting: {ids}",
    }
    UnknownEis { en: "unknown eis '{id}'", nl: "onbekende eis '{id}'" }
    EisenListedIn { en: "the eisen are listed in {file}", nl: "de eisen staan in {file}" }
    NoEisColumn { en: "no column for eis '{id}'", nl: "geen kolom voor eis '{id}'" }
    NoEisColumnHint {
        en: "it counts as not known for every werkplein",
        nl: "die telt dan voor elk werkplein als onbekend",
    }
    NotJaNee { en: "'{value}' is not an answer: write ja or nee", nl: "'{value}' is geen antwoord: schrijf ja of nee" }
    NotJaNeeHint {
        en: "leave the cell empty when it is not known",
        nl: "laat de cel leeg als het antwoord niet bekend is",
    }

    // Werkpleinen and regio's (src/data.rs).
    UnknownRegio {
        en: "unknown regio '{id}' for werkplein '{werkplein}'",
        nl: "onbekende regio '{id}' bij werkplein '{werkplein}'",
    }
    WebsiteProblem {
        en: "'website' of werkplein '{werkplein}': {reason}",
        nl: "'website' van werkplein '{werkplein}': {reason}",
    }
    WebsiteHint {
        en: "write the address of the website, starting with https://",
        nl: "schrijf het adres van de website, beginnend met https://",
    }
    OutsideNetherlands {
        en: "'{field}' {value} of werkplein '{werkplein}' lies outside the Netherlands",
        nl: "'{field}' {value} van werkplein '{werkplein}' ligt buiten Nederland",
    }
    DataFilesNeeded {
        en: "every site needs data/werkpleinen.yaml and data/regios.yaml",
        nl: "elke site heeft data/werkpleinen.yaml en data/regios.yaml nodig",
    }
    IdInvalid { en: "id '{id}' is not a valid id", nl: "id '{id}' is geen geldige id" }
    DuplicateIdPlain { en: "duplicate id '{id}'", nl: "id '{id}' komt twee keer voor" }
    UsedBeforeOnLine { en: "it is used before on line {line}", nl: "die staat al op regel {line}" }
    UrlControlChars { en: "it contains control characters", nl: "er staan stuurtekens in" }
    UrlSchemeNotAllowed { en: "a '{scheme}:' link is not allowed", nl: "een '{scheme}:'-link is niet toegestaan" }

    // Resultaten (src/resultaten.rs).
    ResultatenUnknownFile {
        en: "ignored: not a known resultaten file",
        nl: "overgeslagen: geen bekend bestand met resultaten",
    }
    ResultatenFilesHint {
        en: "the files are klanttevredenheid.csv, werkgeverstevredenheid.csv and uitstroom.csv",
        nl: "de bestanden heten klanttevredenheid.csv, werkgeverstevredenheid.csv en uitstroom.csv",
    }
    SecondRowFor {
        en: "a second row for werkplein '{id}' and '{key}'",
        nl: "een tweede regel voor werkplein '{id}' en '{key}'",
    }
    FirstIsOnLine { en: "the first is on line {line}", nl: "de eerste staat op regel {line}" }
    NumberOutOfRange {
        en: "{what} '{value}' is not {kind} from {from} to {to}",
        nl: "{what} '{value}' is geen {kind} van {from} tot en met {to}",
    }
    MetingNotLike { en: "meting '{value}' is not like 2010-1", nl: "meting '{value}' is niet geschreven als 2010-1" }

    // Streefwaarden and klantprincipes (src/resultaten/doelen.rs), districts (src/data.rs).
    NotAYear { en: "'{value}' is not a year", nl: "'{value}' is geen jaartal" }
    StreefwaardeNotCijfer {
        en: "streefwaarde {value} for {jaar} is not a rapportcijfer from 1 to 10",
        nl: "streefwaarde {value} voor {jaar} is geen rapportcijfer van 1 tot en met 10",
    }
    StreefwaardeHint { en: "write it like 7.0", nl: "schrijf hem als 7.0" }
    RealisatieNotPercentage {
        en: "uitstroom_realisatie {value} is not a percentage",
        nl: "uitstroom_realisatie {value} is geen percentage",
    }
    RealisatieHint {
        en: "the share of the outflow streefwaarde that counts as on target, e.g. 90",
        nl: "het deel van de streefwaarde uitstroom dat als gehaald telt, bijvoorbeeld 90",
    }
    PrincipeIsColumn {
        en: "'{id}' is a column of its own, not a klantprincipe",
        nl: "'{id}' is een eigen kolom, geen klantprincipe",
    }
    PrincipeTwice {
        en: "klantprincipe '{id}' of the {groep} appears twice",
        nl: "klantprincipe '{id}' van de {groep} staat er twee keer in",
    }
    UnknownDistrict {
        en: "unknown district '{district}' for werkplein '{werkplein}'",
        nl: "onbekend district '{district}' bij werkplein '{werkplein}'",
    }
    DistrictenListedIn { en: "the districts are listed in {path}", nl: "de districten staan in {path}" }
    MetingNotLikeHint {
        en: "year, '-', and 1, 2 or 3 for the meting of that year",
        nl: "het jaar, een '-' en 1, 2 of 3 voor de meting van dat jaar",
    }
    MetingNotYear { en: "meting '{value}' is not a year", nl: "meting '{value}' is geen jaartal" }
    MetingNotYearHint {
        en: "employers are asked once a year: write e.g. 2010",
        nl: "werkgevers worden één keer per jaar gevraagd: schrijf bijvoorbeeld 2010",
    }
    MaandNotMonth { en: "maand '{value}' is not a month", nl: "maand '{value}' is geen maand" }
    MaandHint { en: "write it as YYYY-MM, e.g. 2010-03", nl: "schrijf het als JJJJ-MM, bijvoorbeeld 2010-03" }

    // Documents (src/documenten.rs).
    DocumentWerkpleinHint {
        en: "werkplein ids are listed in data/werkpleinen.yaml; leave 'werkplein' out for a national document",
        nl: "de id's van de werkpleinen staan in data/werkpleinen.yaml; laat 'werkplein' weg bij een landelijk document",
    }
    SoortenAre { en: "the soorten are: {ids}", nl: "de soorten zijn: {ids}" }
    PutFileInStatic {
        en: "put the file in static/{path}, or correct the path (it is relative to static/)",
        nl: "zet het bestand in static/{path}, of verbeter het pad (het begint in static/)",
    }
    FileNotFound { en: "file not found: {path}", nl: "bestand niet gevonden: {path}" }

    // Addresses svdk generates (src/route.rs).
    GeneratedPage { en: "a page svdk generates", nl: "een pagina die svdk zelf maakt" }
    GeneratedAgenda { en: "the agenda svdk generates", nl: "de agenda die svdk zelf maakt" }
    GeneratedKioskVragen {
        en: "the KIOSK's questions svdk lists",
        nl: "de lijst met vragen aan de KIOSK die svdk zelf maakt",
    }
    GeneratedKaderPrint { en: "the printable kaderdocument", nl: "het afdrukbare kaderdocument" }
    GeneratedPraktijkPages {
        en: "the pages of the praktijkvoorbeelden list",
        nl: "de pagina's van de lijst met praktijkvoorbeelden",
    }
    GeneratedWerkplein { en: "the page of werkplein '{id}'", nl: "de pagina van werkplein '{id}'" }
    GeneratedRegio { en: "the page of regio '{id}'", nl: "de pagina van regio '{id}'" }
    GeneratedDistrict { en: "the page of district '{id}'", nl: "de pagina van district '{id}'" }
    GeneratedEditie { en: "the edition {editie}", nl: "de editie {editie}" }
    GeneratedDocumentList { en: "the list of {soort}", nl: "de lijst met {soort}" }
    KeptForEditie {
        en: "kept for the journaal edition of that month",
        nl: "gereserveerd voor de journaaleditie van die maand",
    }

    // The outline of the Netherlands (src/charts/map.rs).
    OutlineNotJson { en: "not valid JSON: {detail}", nl: "geen geldige JSON: {detail}" }
    OutlineAtFeature { en: "feature {n}: {reason}", nl: "onderdeel {n}: {reason}" }
    OutlineNeedsFeatures {
        en: "a FeatureCollection needs a \"features\" list",
        nl: "een FeatureCollection heeft een lijst \"features\" nodig",
    }
    OutlineNeedsGeometries {
        en: "a GeometryCollection needs a \"geometries\" list",
        nl: "een GeometryCollection heeft een lijst \"geometries\" nodig",
    }
    OutlineNeedsPolygons {
        en: "a MultiPolygon needs a list of polygons as \"coordinates\"",
        nl: "een MultiPolygon heeft een lijst van polygonen als \"coordinates\" nodig",
    }
    OutlineNoType { en: "no \"type\"", nl: "geen \"type\"" }
    OutlineGeometryType {
        en: "geometry type {kind} is not a Polygon or MultiPolygon",
        nl: "geometrietype {kind} is geen Polygon of MultiPolygon",
    }
    OutlineNeedsRings {
        en: "a polygon needs a list of rings as \"coordinates\"",
        nl: "een polygoon heeft een lijst van ringen als \"coordinates\" nodig",
    }
    OutlineNotPosition {
        en: "{value} is not a [longitude, latitude] position",
        nl: "{value} is geen positie [lengtegraad, breedtegraad]",
    }
    OutlineRingShort {
        en: "a ring needs at least 4 positions, this one has {n}",
        nl: "een ring heeft minstens 4 posities nodig, deze heeft er {n}",
    }

    // The site's pages and links (src/model.rs).
    PlainText { en: "{text}", nl: "{text}" }
    DuplicateSlug {
        en: "duplicate slug '{slug}': /{url} is also the page of {others}",
        nl: "slug '{slug}' komt twee keer voor: /{url} is ook de pagina van {others}",
    }
    DuplicateSlugHint {
        en: "give one of them another 'slug'",
        nl: "geef een van beide een andere 'slug'",
    }
    SlugTaken { en: "slug '{slug}': /{url} is already {what}", nl: "slug '{slug}': /{url} is al {what}" }
    SlugTakenHint {
        en: "choose another 'slug' for this file",
        nl: "kies een andere 'slug' voor dit bestand",
    }
    PracticeNoPart {
        en: "praktijkvoorbeeld has no part '{part}'",
        nl: "het praktijkvoorbeeld heeft geen onderdeel '{part}'",
    }
    AddHeading { en: "add a heading '## {part}'", nl: "voeg een kop '## {part}' toe" }
    ThemaIsDraft { en: "thema '{id}' is a draft", nl: "thema '{id}' is een concept" }
    ThemaIsDraftHint {
        en: "publish content/themas/{id}.md or build with --drafts",
        nl: "publiceer content/themas/{id}.md of bouw met --drafts",
    }
    LinkProblem { en: "link '{dest}': {reason}", nl: "link '{dest}': {reason}" }
    LinkProblemHint {
        en: "link to a page (a .md file), a file in static/, or an http(s) or mailto address",
        nl: "link naar een pagina (een .md-bestand), een bestand in static/, of een http(s)- of mailto-adres",
    }
    ThisPage { en: "this page", nl: "deze pagina" }
    LinkOutsideSite {
        en: "link '{dest}' points outside the site folder",
        nl: "link '{dest}' wijst buiten de map van de site",
    }
    LinkNotPage {
        en: "link '{dest}' is not a page (.md) or a file in static/",
        nl: "link '{dest}' is geen pagina (.md) en geen bestand in static/",
    }
    LinkNotPageHint {
        en: "link to another .md file, or put the file in static/ and link to it",
        nl: "link naar een ander .md-bestand, of zet het bestand in static/ en link daarnaar",
    }
    LinkToDraft {
        en: "link '{dest}' points to a draft ({target})",
        nl: "link '{dest}' wijst naar een concept ({target})",
    }
    LinkToDraftHint {
        en: "publish it (draft: false) or build with --drafts",
        nl: "publiceer het (draft: false) of bouw met --drafts",
    }
    LinkTargetNotFound {
        en: "link target not found: '{dest}' ({target})",
        nl: "het doel van de link bestaat niet: '{dest}' ({target})",
    }
    LinkMissingFile {
        en: "link to a missing file: '{dest}' (no static/{out}, nor a theme file)",
        nl: "link naar een bestand dat er niet is: '{dest}' (geen static/{out} en geen bestand van het thema)",
    }
    LinkMissingFileHint {
        en: "put the file in static/ or correct the path",
        nl: "zet het bestand in static/ of verbeter het pad",
    }
    LinkMissingGenerated {
        en: "link to a missing file: '{dest}' (svdk does not write /{out})",
        nl: "link naar een bestand dat er niet is: '{dest}' (svdk maakt geen /{out})",
    }
    AnchorsThere { en: "anchors there: {ids}", nl: "ankers daar: {ids}" }
    AnchorNotFound {
        en: "anchor '#{anchor}' not found in {place}",
        nl: "anker '#{anchor}' niet gevonden in {place}",
    }

    // Reading the site folder (src/sitefs.rs, src/load.rs, src/theme.rs).
    AbsolutePath {
        en: "{path} is an absolute path: only paths inside the site folder are read",
        nl: "{path} is een absoluut pad: svdk leest alleen paden binnen de map van de site",
    }
    OutsideSite {
        en: "{path} is outside the site folder: only files inside it are read",
        nl: "{path} ligt buiten de map van de site: svdk leest alleen bestanden daarbinnen",
    }
    CannotReadPath { en: "cannot read {path}: {detail}", nl: "kan {path} niet lezen: {detail}" }
    LinkOutside {
        en: "{path} is a symbolic link to a place outside the site folder{target}: it is not read or published",
        nl: "{path} is een snelkoppeling (symbolic link) naar een plek buiten de map van de site{target}: die wordt niet gelezen of gepubliceerd",
    }
    CannotReadFile { en: "cannot read the file: {detail}", nl: "kan het bestand niet lezen: {detail}" }
    ContentNotMarkdown {
        en: "ignored: only Markdown (.md) files belong in content/ — put other files in static/",
        nl: "overgeslagen: in content/ horen alleen Markdown-bestanden (.md); zet andere bestanden in static/",
    }
    NotUtf8 {
        en: "file is not UTF-8 text: save it as UTF-8",
        nl: "het bestand is geen UTF-8-tekst: sla het op als UTF-8",
    }
    ThemeRefused { en: "theme '{name}': {reason}", nl: "thema '{name}': {reason}" }
    ThemeRefusedHint {
        en: "a theme is a folder in themes/ of the site: give its name, e.g. theme: mijnthema",
        nl: "een thema is een map in themes/ van de site: geef de naam, bijvoorbeeld theme: mijnthema",
    }
    ThemeNotFound {
        en: "theme '{name}' not found: there is no folder {dir}/",
        nl: "thema '{name}' niet gevonden: er is geen map {dir}/",
    }
    TemplateError { en: "template: {detail}", nl: "sjabloon: {detail}" }
    RelativeRewrite {
        en: "--relative: could not rewrite the page's links: {detail}",
        nl: "--relative: kan de links van de pagina niet omzetten: {detail}",
    }
    RelativeBundle {
        en: "--relative: cannot join the search modules: {detail}",
        nl: "--relative: kan de zoekmodules niet samenvoegen: {detail}",
    }
    RelativeBundleHint {
        en: "see the theme's js/zoeken/start.js for the forms that work",
        nl: "kijk in js/zoeken/start.js van het thema welke vormen werken",
    }

    // The output folder (src/build.rs, src/write.rs).
    CannotReadOut {
        en: "cannot read output folder {path}: {detail}",
        nl: "kan de uitvoermap {path} niet lezen: {detail}",
    }
    OutNotFolder {
        en: "output folder {path} exists and is not a folder",
        nl: "uitvoermap {path} bestaat al en is geen map",
    }
    OutNotOurs {
        en: "output folder {path} is not empty and is not an svdk output (it has no {marker} file): svdk does not replace folders it did not write",
        nl: "uitvoermap {path} is niet leeg en is niet door svdk gemaakt (er staat geen bestand {marker} in): svdk vervangt geen mappen die het niet zelf heeft geschreven",
    }
    OutIsSite {
        en: "output folder {path} is the site folder itself",
        nl: "uitvoermap {path} is de map van de site zelf",
    }
    OutContainsSite {
        en: "output folder {path} contains the site folder",
        nl: "uitvoermap {path} bevat de map van de site",
    }
    OutInsideSource {
        en: "output folder {path} is inside the site's {dir}/ folder",
        nl: "uitvoermap {path} ligt in de map {dir}/ van de site",
    }
    OutSeparateHint {
        en: "choose a separate folder, e.g. public/",
        nl: "kies een aparte map, bijvoorbeeld public/",
    }
    OutReuseHint {
        en: "pass a new or empty folder, or one an earlier svdk build wrote; to reuse this path, move its contents away yourself",
        nl: "geef een nieuwe of lege map op, of een map die svdk eerder heeft gemaakt; wil je deze map gebruiken, haal de inhoud er dan zelf uit",
    }
    CannotWriteSite { en: "cannot write the site: {detail}", nl: "kan de site niet wegschrijven: {detail}" }
    NoSiteYaml {
        en: "no site.yaml: this is not a svdk site",
        nl: "geen site.yaml: dit is geen svdk-site",
    }
    NoSiteYamlHint {
        en: "run svdk in the site folder or pass --root DIR",
        nl: "start svdk in de map van de site, of geef --root MAP op",
    }
    PageUrlGenerated {
        en: "this page's URL /{url} is also a page svdk generates",
        nl: "het adres /{url} van deze pagina is ook een pagina die svdk zelf maakt",
    }
    PageUrlGeneratedHint {
        en: "give the file another name or 'slug', or move it to another folder",
        nl: "geef het bestand een andere naam of 'slug', of zet het in een andere map",
    }
    GeneratedSameUrl {
        en: "two generated pages have the same URL /{url}",
        nl: "twee pagina's die svdk maakt hebben hetzelfde adres /{url}",
    }
    StaticSameUrl {
        en: "static file /{path} has the same URL as a generated page",
        nl: "het bestand /{path} in static/ heeft hetzelfde adres als een pagina die svdk maakt",
    }
    RenameOrMove { en: "rename or move the file", nl: "geef het bestand een andere naam of verplaats het" }

    // svdk new (src/new.rs).
    UnknownKind { en: "unknown kind '{kind}': {hint}", nl: "onbekende soort pagina '{kind}': {hint}" }
    KindHint { en: "use praktijkvoorbeeld or journaal", nl: "kies praktijkvoorbeeld of journaal" }
    NoSiteYamlNewHint {
        en: "run svdk new in the site folder or pass --root DIR",
        nl: "start svdk new in de map van de site, of geef --root MAP op",
    }
    TitleEmpty { en: "the title is empty", nl: "de titel is leeg" }
    TitleEmptyHint {
        en: "give the page a title, e.g. \"Jongerenloket in de wijk\"",
        nl: "geef de pagina een titel, bijvoorbeeld \"Jongerenloket in de wijk\"",
    }
    TitleNoFileName {
        en: "cannot make a file name from the title \"{title}\"",
        nl: "van de titel \"{title}\" kan geen bestandsnaam worden gemaakt",
    }
    TitleNoFileNameHint {
        en: "use letters or digits in the title",
        nl: "gebruik letters of cijfers in de titel",
    }
    TitleSlugReserved {
        en: "the title gives the slug '{slug}', but that address is {what}",
        nl: "de titel geeft de slug '{slug}', maar dat adres is {what}",
    }
    TitleSlugReservedHint { en: "add a word to the title", nl: "voeg een woord toe aan de titel" }
    SoortOnlyJournaal {
        en: "'--soort' is only for journaal items",
        nl: "'--soort' is alleen voor journaalberichten",
    }
    SoortOnlyJournaalHint {
        en: "leave it out, or create a journaal item: svdk new journaal \"Titel\"",
        nl: "laat het weg, of maak een journaalbericht: svdk new journaal \"Titel\"",
    }
    AlreadyExists { en: "{path} already exists", nl: "{path} bestaat al" }
    AlreadyExistsHint {
        en: "choose another title, or edit the existing file",
        nl: "kies een andere titel, of bewerk het bestaande bestand",
    }
    SlugOfNewPage {
        en: "{other} already has the slug '{slug}' of the new page",
        nl: "{other} heeft al de slug '{slug}' van de nieuwe pagina",
    }
    CannotWriteFile { en: "cannot write the file: {detail}", nl: "kan het bestand niet schrijven: {detail}" }

    // The progress bar (src/progress.rs): the stages of a build.
    StageLoad { en: "load", nl: "lezen" }
    StageValidate { en: "validate", nl: "controleren" }
    StageModel { en: "model", nl: "opbouwen" }
    StageRender { en: "render", nl: "pagina's" }

    // svdk serve (src/serve.rs, src/serve_reload.js).
    ServeNoRoot { en: "{path}: {detail}", nl: "{path}: {detail}" }
    ServeCannotListen { en: "cannot listen on {addr}: {detail}", nl: "kan niet luisteren op {addr}: {detail}" }
    ServeNoPort { en: "cannot find the server's port", nl: "kan de poort van de server niet vinden" }
    ServeNoTemp {
        en: "cannot make a temporary folder: {detail}",
        nl: "kan geen tijdelijke map maken: {detail}",
    }
    ServeNoCtrlC { en: "cannot handle Ctrl+C: {detail}", nl: "kan Ctrl+C niet afhandelen: {detail}" }
    ServeCannotWatch {
        en: "cannot watch {path}: {detail}",
        nl: "kan {path} niet in de gaten houden: {detail}",
    }
    ServeServing {
        en: "serving {root} at {url} (Ctrl+C to stop)",
        nl: "{root} is te zien op {url} (stoppen met Ctrl+C)",
    }
    ServeRebuilt { en: "rebuilt {pages} pages in {ms} ms", nl: "{pages} pagina's opnieuw gebouwd in {ms} ms" }
    ServeStillServing {
        en: "{errors} error(s); still serving the last good site",
        nl: "{errors} fout(en); de laatste goede versie van de site blijft te zien",
    }
    OverlayTitleOne {
        en: "svdk: the site could not be rebuilt (1 error). You see the last good version.",
        nl: "svdk: de site kon niet opnieuw gebouwd worden (1 fout). Je ziet de laatste goede versie.",
    }
    OverlayTitleMany {
        en: "svdk: the site could not be rebuilt ({n} errors). You see the last good version.",
        nl: "svdk: de site kon niet opnieuw gebouwd worden ({n} fouten). Je ziet de laatste goede versie.",
    }

    // The summary of svdk build and svdk check (src/main.rs).
    SummaryFailed {
        en: "failed with {errors} error(s) and {warnings} warning(s){why}{kept}",
        nl: "mislukt met {errors} fout(en) en {warnings} waarschuwing(en){why}{kept}",
    }
    SummaryStrict {
        en: " (--strict: warnings count as errors)",
        nl: " (--strict: waarschuwingen tellen als fouten)",
    }
    SummaryKept { en: "; {path} left unchanged", nl: "; {path} is niet veranderd" }
    SummaryBuilt {
        en: "built {pages} pages, {charts} charts, {feeds} feeds, {statics} static files into {out}; {warnings} warning(s) in {secs} s",
        nl: "{pages} pagina's, {charts} grafieken, {feeds} feeds en {statics} vaste bestanden gebouwd in {out} ({secs} s); {warnings} waarschuwing(en)",
    }
    SummaryUpToDate {
        en: "{out} already holds this build ({pages} pages, {charts} charts, {feeds} feeds, {statics} static files): nothing changed since it was built; {warnings} warning(s) in {secs} s",
        nl: "{out} bevat deze build al ({pages} pagina's, {charts} grafieken, {feeds} feeds en {statics} vaste bestanden): er is niets veranderd sinds die gebouwd is ({secs} s); {warnings} waarschuwing(en)",
    }
    SummaryChecked {
        en: "checked {pages} pages, {charts} charts, {feeds} feeds, {statics} static files; {warnings} warning(s) in {secs} s",
        nl: "{pages} pagina's, {charts} grafieken, {feeds} feeds en {statics} vaste bestanden gecontroleerd ({secs} s); {warnings} waarschuwing(en)",
    }
    SummaryWrote {
        en: "wrote {files} files ({bytes} bytes), removed {removed}; the other files were unchanged",
        nl: "{files} bestanden geschreven ({bytes} bytes), {removed} verwijderd; de andere bestanden zijn niet veranderd",
    }
    SummaryStage { en: "{stage} {ms} ms", nl: "{stage} {ms} ms" }

    StageWrite { en: "write", nl: "schrijven" }
    StageStamp { en: "compare with the output", nl: "vergelijken met de uitvoer" }

    // The safety net for pages started with svdk new (src/template.rs, src/model.rs).
    PracticePartMeant {
        en: "praktijkvoorbeeld has no part '{part}': is '## {heading}' meant?",
        nl: "het praktijkvoorbeeld heeft geen onderdeel '{part}': is '## {heading}' bedoeld?",
    }
    RenameHeading {
        en: "rename the heading '## {heading}' to '## {part}'",
        nl: "verander de kop '## {heading}' in '## {part}'",
    }
    TemplateGuidanceLeft {
        en: "the template's guidance is still here: '{start} …'",
        nl: "hier staat nog de hulptekst van het sjabloon: '{start} …'",
    }
    TemplateGuidanceLeftHint {
        en: "replace it with your own text before you publish",
        nl: "vervang die door je eigen tekst voordat je publiceert",
    }
    SamenvattingEmpty { en: "'samenvatting' is empty", nl: "'samenvatting' is leeg" }
    SamenvattingEmptyHint {
        en: "write one or two sentences on what the praktijkvoorbeeld is about: lists and search results show them",
        nl: "schrijf in een of twee zinnen waar het praktijkvoorbeeld over gaat: die staan in de lijsten en bij de zoekresultaten",
    }

    AddPeriodLine {
        en: "add this line to 'perioden:' in {file} (oldest first):\n{line}",
        nl: "zet deze regel bij 'perioden:' in {file} (van oud naar nieuw):\n{line}",
    }
}
