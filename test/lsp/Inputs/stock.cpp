int *find(int *p, int n) {
  int *none = 0;
  if (n == 0)
    return none;
  int x = 0;
  if (x = n) {}
  return p;
}
