#include "net.h"

int other() { return default_buffer() != nullptr; }
