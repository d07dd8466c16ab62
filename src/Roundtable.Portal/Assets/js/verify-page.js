// Placeholder: the in-browser proof verifier for /verify is written separately (issue 10).
// The page shell loads this module; until it lands the form does nothing and the page says so without script.
