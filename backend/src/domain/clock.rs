//! Injected time, so retention, shifts and history are testable without sleeping.

use chrono::{NaiveDateTime, Timelike};

pub trait Clock: Send + Sync + std::fmt::Debug {
    /// Current UTC time, truncated to whole seconds as RT stores it.
    fn now(&self) -> NaiveDateTime;
}

#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    #[allow(clippy::disallowed_methods)]
    fn now(&self) -> NaiveDateTime {
        let now = chrono::Utc::now().naive_utc();
        now.with_nanosecond(0).unwrap_or(now)
    }
}

/// A clock that stays where it is put; for tests.
#[derive(Debug)]
pub struct FixedClock(pub parking_lot::Mutex<NaiveDateTime>);

impl FixedClock {
    pub fn new(at: NaiveDateTime) -> Self {
        Self(parking_lot::Mutex::new(at))
    }
    pub fn advance(&self, by: chrono::Duration) {
        let mut t = self.0.lock();
        *t += by;
    }
}

impl Clock for FixedClock {
    fn now(&self) -> NaiveDateTime {
        *self.0.lock()
    }
}
