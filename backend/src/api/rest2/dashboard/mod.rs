//! Figures for the statistics dashboard.

pub mod whisperback;
