int broken() { return undeclared_symbol; }
