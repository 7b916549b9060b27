int *find(int *p, int n) {
  int *none = nullptr;
  if (n == 0) {
    return none;
  }
  return p;
}
