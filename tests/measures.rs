//! Measurements, fixed lengths of time and the story's week, on an
//! invented story (`fixtures/measures`): figures in feet, miles, hours and
//! glued units held to facts kept in metres, kilometres and minutes, and
//! weekdays in copy whose only date is the story's, and an age known only
//! as a number; the words after a conversion in brackets ("150 feet (46
//! metres) below") say what the figure before it is; a measure by a
//! landmark the table names, even in the possessive, and "It sank in 1951"
//! after the landmark's name, are the story's; "Ada Brook was 55." is an
//! age; an `unless` word in another clause, by another figure ("20 hours
//! of diesel left, and … an air supply of 36 hours"), leaves the figure
//! its fact; an adjective of length ("the 4.5-km tunnel that opened
//! below…") is its noun's size, whatever follows; the story's one weight
//! is named by its unit alone; "20 minutes after the train began its trip"
//! is a time into a journey, the fact whose cue says "into", and the
//! journey after "after" names nothing else ("12 minutes later" names
//! nothing); a length's aspect may be named by its fact's id
//! (`vent-distance`), and no word of a name ("West Coast") names one; a
//! whole number and a fraction ("3 1/2 miles") are one figure; "She was
//! 55." and "She's 57." after a sentence that opens with a person are
//! that person's age; "until around 6 a.m. on July 15" is the date's own
//! preposition, a time of day between; "two hours of air left until July
//! 15" is what remains, no leaving (`"left"`) the date could be of; a
//! time zone ("Eastern Standard Time") names no owner; "under the
//! harbour" after a length is a depth; a verb of beginning before another
//! verb ("began painting") as that verb's aspect, no cue of its own.
//! `flag/*.txt` must give
//! exactly one finding of the code named below, `pass/*.txt` none.

mod common;

use common::{finding_codes as codes, fixture_texts};

fn fixtures(kind: &str) -> Vec<std::path::PathBuf> {
    fixture_texts("measures", kind)
}

#[test]
fn figures_in_other_units_are_converted_before_they_are_compared() {
    let want = [
        "NC101", "NC101", "NC101", "NC302", "NC304", "NC304", "NC101", "NC304", "NC101", "NC101",
        "NC301", "NC304", "NC101", "NC101", "NC101", "NC101", "NC101", "NC101", "NC101", "NC304",
        "NC304", "NC301", "NC301", "NC304", "NC101", "NC101", "NC302",
    ];
    let files = fixtures("flag");
    assert_eq!(files.len(), want.len());
    for (file, code) in files.iter().zip(want) {
        assert_eq!(codes(file), [code], "{}", file.display());
    }
}

#[test]
fn correct_conversions_and_the_week_after_the_story_date_stay_silent() {
    let files = fixtures("pass");
    assert!(files.len() >= 4);
    for file in &files {
        assert_eq!(codes(file), Vec::<String>::new(), "{}", file.display());
    }
}
