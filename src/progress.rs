//! Progress of a long build on a terminal: a bar that appears only when a build takes more
//! than a second, on standard error, and never when it is not a terminal.
//!
//! The stages report to a [`Progress`] handed to them (through the build's options); a [`Bar`]
//! draws what they report. Two builds at once (tests, `serve`) each have their own.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::messages::{Key, Lang, Message};

/// Where a build is: the current stage and how many of its steps are done. Cloning gives
/// another handle on the same progress.
#[derive(Clone, Default)]
pub struct Progress(Arc<State>);

#[derive(Default)]
struct State {
    stage: Mutex<Option<Key>>,
    /// The language the stages are named in (set once the build knows the site's).
    lang: Mutex<Lang>,
    done: AtomicUsize,
    total: AtomicUsize,
}

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (stage, done, total) = self.now();
        write!(f, "Progress({stage:?} {done}/{total})")
    }
}

impl Progress {
    /// A stage begins; `total` is the number of steps it will [`advance`](Self::advance)
    /// (0: unknown).
    pub fn stage(&self, name: Key, total: usize) {
        *self.0.stage.lock().unwrap_or_else(|e| e.into_inner()) = Some(name);
        self.0.total.store(total, Ordering::Relaxed);
        self.0.done.store(0, Ordering::Relaxed);
    }

    /// The language to name the stages in.
    pub fn set_lang(&self, lang: Lang) {
        *self.0.lang.lock().unwrap_or_else(|e| e.into_inner()) = lang;
    }

    /// The current stage as the bar names it.
    pub fn stage_name(&self) -> String {
        let lang = *self.0.lang.lock().unwrap_or_else(|e| e.into_inner());
        let stage = *self.0.stage.lock().unwrap_or_else(|e| e.into_inner());
        stage
            .map(|k| Message::new(k).render(lang))
            .unwrap_or_default()
    }

    /// One step of the current stage is done.
    pub fn advance(&self) {
        self.0.done.fetch_add(1, Ordering::Relaxed);
    }

    /// The current stage, the steps done and the steps it has (0: unknown).
    pub fn now(&self) -> (Option<Key>, usize, usize) {
        let stage = *self.0.stage.lock().unwrap_or_else(|e| e.into_inner());
        (
            stage,
            self.0.done.load(Ordering::Relaxed),
            self.0.total.load(Ordering::Relaxed),
        )
    }
}

/// Draws the progress of the build while it runs.
pub struct Bar {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Bar {
    /// Starts watching; nothing is drawn unless `enabled`, standard error is a terminal and
    /// the build is still running after a second.
    pub fn start(enabled: bool, progress: &Progress) -> Bar {
        let stop = Arc::new(AtomicBool::new(false));
        if !enabled || !std::io::stderr().is_terminal() {
            return Bar { stop, thread: None };
        }
        let flag = Arc::clone(&stop);
        let progress = progress.clone();
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
                let (_, done, total) = progress.now();
                if was_counted != Some(total > 0) {
                    bar.set_style(if total > 0 {
                        counted.clone()
                    } else {
                        uncounted.clone()
                    });
                    was_counted = Some(total > 0);
                }
                bar.set_prefix(progress.stage_name());
                bar.set_length(total as u64);
                bar.set_position(done as u64);
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

#[cfg(test)]
mod tests {
    use super::Progress;
    use crate::messages::{Key, Lang};

    #[test]
    fn clones_share_one_progress_and_separate_builds_do_not() {
        let a = Progress::default();
        let seen_by_bar = a.clone();
        let other_build = Progress::default();
        a.stage(Key::StageRender, 3);
        a.advance();
        a.advance();
        assert_eq!(seen_by_bar.now(), (Some(Key::StageRender), 2, 3));
        assert_eq!(other_build.now(), (None, 0, 0));
        a.stage(Key::StageModel, 0);
        assert_eq!(seen_by_bar.now(), (Some(Key::StageModel), 0, 0));
    }

    #[test]
    fn the_bar_names_stages_in_the_sites_language() {
        let p = Progress::default();
        assert_eq!(p.stage_name(), "");
        p.stage(Key::StageValidate, 0);
        assert_eq!(p.stage_name(), "controleren");
        p.set_lang(Lang::En);
        assert_eq!(p.stage_name(), "validate");
    }
}
