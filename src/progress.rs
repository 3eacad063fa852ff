//! Progress of a long build on a terminal: a bar that appears only when a build takes more
//! than a second, on standard error, and never when it is not a terminal.
//!
//! The stages report through [`stage`] and [`advance`]; a [`Bar`] draws what they report.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::messages::{Key, Lang, Message};

static STAGE: Mutex<Option<Key>> = Mutex::new(None);
/// The language of the stage names: 0 Dutch, 1 English.
static LANG: AtomicUsize = AtomicUsize::new(0);
static DONE: AtomicUsize = AtomicUsize::new(0);
static TOTAL: AtomicUsize = AtomicUsize::new(0);

/// A stage begins; `total` is the number of steps it will [`advance`] (0: unknown).
pub fn stage(name: Key, total: usize) {
    *STAGE.lock().unwrap_or_else(|e| e.into_inner()) = Some(name);
    TOTAL.store(total, Ordering::Relaxed);
    DONE.store(0, Ordering::Relaxed);
}

/// The language the bar names the stages in (the build sets it once it knows the site's).
pub fn set_lang(lang: Lang) {
    LANG.store(
        match lang {
            Lang::Nl => 0,
            Lang::En => 1,
        },
        Ordering::Relaxed,
    );
}

fn lang() -> Lang {
    match LANG.load(Ordering::Relaxed) {
        1 => Lang::En,
        _ => Lang::Nl,
    }
}

/// One step of the current stage is done.
pub fn advance() {
    DONE.fetch_add(1, Ordering::Relaxed);
}

/// Draws the progress of the build while it runs.
pub struct Bar {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Bar {
    /// Starts watching; nothing is drawn unless `enabled`, standard error is a terminal and
    /// the build is still running after a second.
    pub fn start(enabled: bool) -> Bar {
        let stop = Arc::new(AtomicBool::new(false));
        if !enabled || !std::io::stderr().is_terminal() {
            return Bar { stop, thread: None };
        }
        let flag = Arc::clone(&stop);
        let thread = std::thread::spawn(move || {
            for _ in 0..10 {
                std::thread::sleep(Duration::from_millis(100));
                if flag.load(Ordering::Relaxed) {
                    return;
                }
            }
            let counted = ProgressStyle::with_template("{prefix:>9} [{bar:30}] {pos}/{len}")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> ");
            let uncounted = ProgressStyle::with_template("{prefix:>9} {spinner}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner());
            let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
            let mut was_counted = None;
            while !flag.load(Ordering::Relaxed) {
                let stage = *STAGE.lock().unwrap_or_else(|e| e.into_inner());
                let total = TOTAL.load(Ordering::Relaxed);
                if was_counted != Some(total > 0) {
                    bar.set_style(if total > 0 {
                        counted.clone()
                    } else {
                        uncounted.clone()
                    });
                    was_counted = Some(total > 0);
                }
                bar.set_prefix(
                    stage
                        .map(|k| Message::new(k).render(lang()))
                        .unwrap_or_default(),
                );
                bar.set_length(total as u64);
                bar.set_position(DONE.load(Ordering::Relaxed) as u64);
                bar.tick();
                std::thread::sleep(Duration::from_millis(80));
            }
            bar.finish_and_clear();
        });
        Bar {
            stop,
            thread: Some(thread),
        }
    }

    /// Removes the bar (before the summary is printed).
    pub fn finish(mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Prints a line on standard output, like `println!`, but a closed output (`svdk build | head`,
/// a CI log pipe that closed) is not an error: the line is dropped instead of panicking.
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

/// Prints a line on standard error, like `eprintln!`, without panicking when it is closed.
#[macro_export]
macro_rules! tell {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}
