int clean(int x) { return x + 1; }
int *nothing() { return 0; }
