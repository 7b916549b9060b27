#include <httplib.h>

int broken() { return undeclared_symbol; }
