"""The vocational education alliance: college ties, roster, demo roster, figures."""
