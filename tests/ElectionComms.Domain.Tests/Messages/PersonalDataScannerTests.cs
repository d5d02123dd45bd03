using ElectionComms.Domain.Messages;

namespace ElectionComms.Domain.Tests.Messages;

public sealed class PersonalDataScannerTests
{
    // Each true-positive case: a realistic sentence and the exact piece the scanner must report.
    [Theory]
    [InlineData("personal_number_man", "Anëtari me numër personal J80117012A të paraqitet në KZAZ.", "J80117012A", PersonalDataKind.PersonalNumber)]
    [InlineData("personal_number_woman", "Sekretarja e KQV-së (nr. personal J85417012A) u zëvendësua.", "J85417012A", PersonalDataKind.PersonalNumber)]
    [InlineData("personal_number_lowercase", "Verifikoni numrin k05115123c në listë.", "k05115123c", PersonalDataKind.PersonalNumber)]
    [InlineData("mobile_spaced", "Për çështje logjistike telefononi 069 123 4567.", "069 123 4567", PersonalDataKind.PhoneNumber)]
    [InlineData("mobile_compact", "Kryetari i KQV-së: 0691234567, ju lutem.", "0691234567", PersonalDataKind.PhoneNumber)]
    [InlineData("mobile_plus_355", "Kontakt: +355 69 123 4567 (Arbër).", "+355 69 123 4567", PersonalDataKind.PhoneNumber)]
    [InlineData("mobile_00355", "Numri 00355691234567 është i zënë.", "00355691234567", PersonalDataKind.PhoneNumber)]
    [InlineData("mobile_355_without_plus", "Shkruani në 355691234567 për ndihmë.", "355691234567", PersonalDataKind.PhoneNumber)]
    [InlineData("mobile_hyphens", "Thirrni 069-123-4567 deri në orën 20:00.", "069-123-4567", PersonalDataKind.PhoneNumber)]
    [InlineData("mobile_brackets", "Koordinatori: (069) 123 45 67.", "(069) 123 45 67", PersonalDataKind.PhoneNumber)]
    [InlineData("mobile_after_tel_abbreviation", "Znj. Çela, tel.0682345678, KZAZ 12.", "0682345678", PersonalDataKind.PhoneNumber)]
    [InlineData("mobile_slash", "Vëzhguesi: 069/1234567 (vetëm SMS).", "069/1234567", PersonalDataKind.PhoneNumber)]
    [InlineData("mobile_plus_355_with_zero", "Numri +355 069 123 4567 nuk përgjigjet.", "+355 069 123 4567", PersonalDataKind.PhoneNumber)]
    [InlineData("mobile_plus_355_bracketed_zero", "Numri +355 (0) 67 234 5678.", "+355 (0) 67 234 5678", PersonalDataKind.PhoneNumber)]
    [InlineData("mobile_00_spaced", "Numri 00 355 69 123 4567.", "00 355 69 123 4567", PersonalDataKind.PhoneNumber)]
    [InlineData("landline_tirana", "Zyra e protokollit: 04 222 2222.", "04 222 2222", PersonalDataKind.PhoneNumber)]
    [InlineData("landline_tirana_international", "Nga jashtë: +355 4 2222 222.", "+355 4 2222 222", PersonalDataKind.PhoneNumber)]
    [InlineData("landline_durres", "KZAZ Durrës, tel. 052 222 333.", "052 222 333", PersonalDataKind.PhoneNumber)]
    [InlineData("international_italy", "Vëzhguesi në Itali: +39 347 123 4567.", "+39 347 123 4567", PersonalDataKind.PhoneNumber)]
    [InlineData("international_00_greece", "Numri në Greqi është 0030 694 123 4567.", "0030 694 123 4567", PersonalDataKind.PhoneNumber)]
    [InlineData("email", "Dërgoni procesverbalin te arben.hoxha@kqz.gov.al.", "arben.hoxha@kqz.gov.al", PersonalDataKind.Email)]
    [InlineData("email_with_plus", "Shkruani: elona+kqv@gmail.com, jo në WhatsApp.", "elona+kqv@gmail.com", PersonalDataKind.Email)]
    [InlineData("iban_albanian_grouped", "Pagesa në AL47 2121 1009 0000 0002 3569 8741 dhe jo në llogari tjetër.", "AL47 2121 1009 0000 0002 3569 8741", PersonalDataKind.Iban)]
    [InlineData("iban_albanian_compact", "IBAN: AL47212110090000000235698741.", "AL47212110090000000235698741", PersonalDataKind.Iban)]
    [InlineData("iban_german_valid_check", "Llogaria në Gjermani DE89 3704 0044 0532 0130 00 u mbyll.", "DE89 3704 0044 0532 0130 00", PersonalDataKind.Iban)]
    public void Personal_data_is_found_at_its_exact_position(string name, string text, string expected, PersonalDataKind kind)
    {
        var finding = Assert.Single(PersonalDataScanner.Scan(text));
        Assert.True(finding == new PersonalDataFinding(kind, text.IndexOf(expected, StringComparison.Ordinal), expected.Length), name);
        Assert.Equal(expected, text.Substring(finding.Start, finding.Length));
    }

    [Theory]
    [InlineData("date_dotted", "Zgjedhjet zhvillohen më 28.11.2026.")]
    [InlineData("date_iso", "Afati: 2026-11-28, ora 19:00.")]
    [InlineData("times", "Qendrat hapen në 07:00 dhe mbyllen në 19:00; numërimi nga 20.30.")]
    [InlineData("kqv_number", "KQV 0119/1 dhe KQV 1234 dorëzojnë kutitë.")]
    [InlineData("kzaz_number", "KZAZ nr. 45 dhe KZAZ 012 mblidhen nesër.")]
    [InlineData("decision_number", "Sipas vendimit nr. 253, datë 11.04.2023, të KQZ-së.")]
    [InlineData("amount", "Shpërblimi është 1 500 000 lekë për të gjithë KQV-të.")]
    [InlineData("amount_starting_355", "Buxheti i KZAZ-ve: 355 222 222 lekë.")]
    [InlineData("amount_dotted", "Fondi: 12.500.000 lekë.")]
    [InlineData("year", "Në vitin 2026 dhe 2027 do të ketë trajnime.")]
    [InlineData("postal_code", "Adresa: Rruga e Durrësit, Tiranë 1001.")]
    [InlineData("percentage", "Pjesëmarrja arriti 46,3% (0,5% më shumë).")]
    [InlineData("law_number", "Neni 19 i ligjit nr. 10019/2008 \"Kodi Zgjedhor\".")]
    [InlineData("law_date", "ligji nr. 10019, datë 29.12.2008, i ndryshuar")]
    [InlineData("word_with_personal_number_shape_inside", "Kodi XJ85417012AB nuk është numër personal.")]
    [InlineData("personal_number_impossible_month", "Kodi J81317012A ka muajin 13.")]
    [InlineData("personal_number_impossible_day", "Kodi J85432012A ka ditën 32.")]
    [InlineData("iban_shape_with_bad_check", "Referenca DE00 3704 0044 0532 0130 00 është kod i brendshëm.")]
    [InlineData("short_international", "Shiko +355 12.")]
    [InlineData("toll_free_help_line", "Linja e ndihmës pa pagesë: 0800 11 222.")]
    [InlineData("time_range", "Orari i zyrës 08:30-16:30, e hënë–e premte.")]
    [InlineData("uppercase_codes", "KQV-ja AB12 CDEF GHIJ dorëzon materialet.")]
    public void Ordinary_announcement_text_has_no_personal_data(string name, string text)
    {
        Assert.True(PersonalDataScanner.Scan(text).Count == 0, name);
    }

    [Fact]
    public void Several_findings_are_reported_in_order_without_overlap()
    {
        const string text = "Kryetarja Ela Çela (J85417012A), tel. +355 69 123 4567, e-mail ela.cela@kqz.gov.al, IBAN AL47 2121 1009 0000 0002 3569 8741.";

        var findings = PersonalDataScanner.Scan(text);

        Assert.Equal(
            [PersonalDataKind.PersonalNumber, PersonalDataKind.PhoneNumber, PersonalDataKind.Email, PersonalDataKind.Iban],
            findings.Select(f => f.Kind));
        Assert.Equal(
            ["J85417012A", "+355 69 123 4567", "ela.cela@kqz.gov.al", "AL47 2121 1009 0000 0002 3569 8741"],
            findings.Select(f => text.Substring(f.Start, f.Length)));
        Assert.All(findings.Zip(findings.Skip(1)), pair => Assert.True(pair.First.Start + pair.First.Length <= pair.Second.Start));
    }

    [Fact]
    public void Phone_number_next_to_a_date_is_found_without_the_date()
    {
        const string text = "Më 28.11.2026 telefononi 069 123 4567 ose 04 222 2222.";

        var findings = PersonalDataScanner.Scan(text);

        Assert.Equal(["069 123 4567", "04 222 2222"], findings.Select(f => text.Substring(f.Start, f.Length)));
    }

    [Fact]
    public void Empty_text_has_no_findings()
    {
        Assert.Empty(PersonalDataScanner.Scan(string.Empty));
    }
}
