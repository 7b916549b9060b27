
int fetch_three(std::string url) {
  std::string copy = std::move(url);
  return (int)url.length();
}
