#include "client.h"
std::string other() { return "x"; }
