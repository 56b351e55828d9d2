#include "report/pdf.h"

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <stdexcept>
#include <unordered_map>

#include "common/paths.h"
#include "common/text.h"
#include "report/linebreak.h"

namespace anzen::report {

namespace {
constexpr float kWidth = 595.276f, kHeight = 841.89f, kMargin = 40, kText = kWidth - 2 * kMargin;

struct Rgb {
  float r, g, b;
};
Rgb rgb(const std::string& hex) {
  if (hex.size() != 7) return {0, 0, 0};
  auto c = [&](size_t i) { return static_cast<float>(std::stoi(hex.substr(i, 2), nullptr, 16)) / 255.0f; };
  return {c(1), c(3), c(5)};
}

// libharu reports errors through a callback; exceptions must not cross its C frames, so the
// callback records the first error and the writer checks after each call that matters.
void on_error(HPDF_STATUS code, HPDF_STATUS detail, void* user) {
  auto* first = static_cast<std::pair<HPDF_STATUS, HPDF_STATUS>*>(user);
  if (first->first == 0) *first = {code, detail};
}
// libharu 2.3 gives the Type0 font the encoder's own CMap ("begincidrange" …) as its /ToUnicode,
// which is not a ToUnicode map: viewers warn and text extraction guesses. With the UTF-8
// encoder and Identity-H, every character code is the character's BMP code point, so the right
// map is the identity. It is written as bfrange lines, one per high byte (a range may not cross
// one), at most 100 a block, leaving out the surrogates.
std::string identity_to_unicode_cmap() {
  std::vector<std::string> ranges;
  char line[48];
  for (int hi = 0; hi < 256; ++hi) {
    if (hi >= 0xD8 && hi <= 0xDF) continue;
    std::snprintf(line, sizeof line, "<%02X00> <%02XFF> <%02X00>\n", hi, hi, hi);
    ranges.emplace_back(line);
  }
  std::string cmap =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  for (size_t i = 0; i < ranges.size(); i += 100) {
    size_t n = std::min<size_t>(100, ranges.size() - i);
    cmap += std::to_string(n) + " beginbfrange\n";
    for (size_t k = i; k < i + n; ++k) cmap += ranges[k];
    cmap += "endbfrange\n";
  }
  cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return cmap;
}

void set_identity_to_unicode(HPDF_Doc doc, HPDF_Font font) {
  HPDF_Dict map = HPDF_DictStream_New(doc->mmgr, doc->xref);
  if (!map) return;  // the error callback has recorded why
  HPDF_Stream_WriteStr(map->stream, identity_to_unicode_cmap().c_str());
  map->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  HPDF_Dict_Add(font, "ToUnicode", map);
}
}  // namespace

std::string japanese_font_path() {
  std::vector<std::string> tried;
  if (const char* env = std::getenv("ANZEN_PDF_FONT"); env && *env) tried.push_back(env);
  for (const char* p : {"/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf", "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf"}) {
    tried.push_back(p);
  }
  for (const auto& p : tried) {
    if (std::filesystem::exists(p)) return p;
  }
  std::string all;
  for (const auto& p : tried) all += " " + p;
  throw std::runtime_error("no Japanese font for PDF output (install fonts-ipaexfont-gothic or set ANZEN_PDF_FONT); tried:" + all);
}

struct Pdf::Impl {
  std::pair<HPDF_STATUS, HPDF_STATUS> error{0, 0};
  HPDF_Doc doc = nullptr;
  HPDF_Page page = nullptr;
  HPDF_Font font = nullptr;
  float y = 0;
  void check(const char* what) const {
    if (error.first) {
      char b[96];
      std::snprintf(b, sizeof b, "PDF error 0x%04X (detail %u) while %s", static_cast<unsigned>(error.first), static_cast<unsigned>(error.second), what);
      throw std::runtime_error(b);
    }
  }
  void fill(const std::string& hex) {
    Rgb c = rgb(hex);
    HPDF_Page_SetRGBFill(page, c.r, c.g, c.b);
  }
  void stroke(const std::string& hex) {
    Rgb c = rgb(hex);
    HPDF_Page_SetRGBStroke(page, c.r, c.g, c.b);
  }
  // Advance of one character at size 1, measured once per character: wrapping measures every
  // character of every line, and asking libharu for whole strings made wrapping quadratic.
  std::unordered_map<char32_t, float> advance;
  float char_width(char32_t c) {
    auto it = advance.find(c);
    if (it != advance.end()) return it->second;
    HPDF_Page_SetFontAndSize(page, font, 100);  // libharu caps sizes at 300
    float w = HPDF_Page_TextWidth(page, text::encode(std::u32string(1, c)).c_str()) / 100.0f;
    advance.emplace(c, w);
    return w;
  }
  float width(const std::string& s, float size) {
    HPDF_Page_SetFontAndSize(page, font, size);
    return HPDF_Page_TextWidth(page, s.c_str());
  }
  void text(float x, float top, const std::string& s, float size, const std::string& colour = "#000000") {
    fill(colour);
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, font, size);
    HPDF_Page_TextOut(page, x, kHeight - top - size, s.c_str());
    HPDF_Page_EndText(page);
  }
  void rect(float x, float top, float w, float h, const std::string& colour) {
    fill(colour);
    HPDF_Page_Rectangle(page, x, kHeight - top - h, w, h);
    HPDF_Page_Fill(page);
  }
};

Pdf::Pdf(const std::string& title) : p_(std::make_unique<Impl>()) {
  p_->doc = HPDF_New(on_error, &p_->error);
  if (!p_->doc) throw std::runtime_error("cannot create a PDF document");
  HPDF_SetCompressionMode(p_->doc, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(p_->doc);
  HPDF_SetCurrentEncoder(p_->doc, "UTF-8");
  const char* name = HPDF_LoadTTFontFromFile(p_->doc, japanese_font_path().c_str(), HPDF_TRUE);
  p_->check("loading the Japanese font");
  p_->font = HPDF_GetFont(p_->doc, name, "UTF-8");
  p_->check("selecting the Japanese font");
  set_identity_to_unicode(p_->doc, p_->font);
  p_->check("writing the font's ToUnicode map");
  HPDF_SetInfoAttr(p_->doc, HPDF_INFO_TITLE, title.c_str());
  HPDF_SetInfoAttr(p_->doc, HPDF_INFO_CREATOR, "Anzen");
  new_page();
}

Pdf::~Pdf() {
  if (p_->doc) HPDF_Free(p_->doc);
}

void Pdf::new_page() {
  p_->page = HPDF_AddPage(p_->doc);
  HPDF_Page_SetSize(p_->page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
  p_->check("adding a page");
  ++pages_;
  p_->y = kMargin;
  p_->text(kMargin, kHeight - 28, "Anzen — " + std::to_string(pages_), 7, "#777777");
}

void Pdf::need(float height) {
  if (p_->y + height > kHeight - kMargin) new_page();
}

std::vector<std::string> Pdf::wrap(const std::string& s, float width, float size) {
  return break_lines(s, width, [&](char32_t c) { return p_->char_width(c) * size; });
}

std::string Pdf::fit(const std::string& s, float width, float size) {
  return fit_line(s, width, [&](char32_t c) { return p_->char_width(c) * size; });
}

void Pdf::heading(const std::string& s, float size, float keep) {
  auto lines = wrap(s, kText, size);
  need(size * (1.5f * static_cast<float>(lines.size()) + 1) + keep);
  p_->y += size * 0.4f;
  for (const auto& line : lines) {
    p_->text(kMargin, p_->y, line, size, "#0b3d91");
    p_->y += size * 1.5f;
  }
}

void Pdf::paragraph(const std::string& s, float size, float indent, const std::string& colour) {
  for (const auto& line : wrap(s, kText - indent, size)) {
    need(size * 1.45f);
    p_->text(kMargin + indent, p_->y, line, size, colour);
    p_->y += size * 1.45f;
  }
  p_->y += size * 0.4f;
}

void Pdf::space(float pt) { p_->y += pt; }

void Pdf::table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows, const std::vector<float>& widths,
                float size) {
  const float pad = 2.5f, line = size * 1.35f;
  std::function<void(const std::vector<std::string>&, bool)> draw_row = [&](const std::vector<std::string>& cells, bool head) {
    std::vector<std::vector<std::string>> wrapped;
    size_t n = 1;
    for (size_t c = 0; c < widths.size(); ++c) {
      wrapped.push_back(wrap(c < cells.size() ? cells[c] : "", widths[c] - 2 * pad, size));
      n = std::max(n, wrapped.back().size());
    }
    float h = static_cast<float>(n) * line + 2 * pad;
    if (p_->y + h > kHeight - kMargin) {
      new_page();
      if (!head) draw_row(header, true);  // a table continued on a new page repeats its header
    }
    if (head) p_->rect(kMargin, p_->y, kText, h, "#dde7f5");
    float x = kMargin;
    for (size_t c = 0; c < widths.size(); ++c) {
      for (size_t l = 0; l < wrapped[c].size(); ++l) p_->text(x + pad, p_->y + pad + static_cast<float>(l) * line, wrapped[c][l], size);
      x += widths[c];
    }
    p_->stroke("#bbbbbb");
    HPDF_Page_SetLineWidth(p_->page, 0.4f);
    HPDF_Page_MoveTo(p_->page, kMargin, kHeight - p_->y - h);
    HPDF_Page_LineTo(p_->page, kMargin + kText, kHeight - p_->y - h);
    HPDF_Page_Stroke(p_->page);
    p_->y += h;
  };
  draw_row(header, true);
  for (const auto& r : rows) draw_row(r, false);
  p_->y += 8;
}

void Pdf::bars(const std::vector<std::pair<std::string, std::optional<double>>>& bars) {
  const float label_w = 190, bar_w = kText - label_w - 50, h = 13;
  for (const auto& [label, v] : bars) {
    need(h + 4);
    p_->text(kMargin, p_->y + 2, fit(label, label_w - 6, 8), 8);
    p_->rect(kMargin + label_w, p_->y, bar_w, h - 2, "#eeeeee");
    if (v) {
      std::string colour = *v >= 0.8 ? "#1a7f37" : *v >= 0.5 ? "#bf8700" : "#d1242f";
      p_->rect(kMargin + label_w, p_->y, bar_w * static_cast<float>(*v), h - 2, colour);
    }
    char b[16];
    if (v) std::snprintf(b, sizeof b, "%.1f%%", *v * 100);
    p_->text(kMargin + label_w + bar_w + 6, p_->y + 2, v ? b : "–", 8);
    p_->y += h + 3;
  }
  p_->y += 6;
}

void Pdf::heat_map(const risk::Matrix& m, const std::vector<std::pair<int, int>>& positions, const std::string& lang) {
  const float cell = 34, left = kMargin + 90;
  need(cell * static_cast<float>(m.likelihoods) + 40);
  std::map<std::pair<int, int>, int> count;
  for (const auto& p : positions) ++count[p];
  float top = p_->y;
  for (int l = m.likelihoods; l >= 1; --l) {
    float yy = top + static_cast<float>(m.likelihoods - l) * cell;
    p_->text(kMargin, yy + cell / 2 - 5, m.likelihood_labels[static_cast<size_t>(l - 1)].in(lang), 8);
    for (int i = 1; i <= m.impacts; ++i) {
      float x = left + static_cast<float>(i - 1) * cell;
      int n = count.count({l, i}) ? count[{l, i}] : 0;
      p_->rect(x, yy, cell - 2, cell - 2, m.level(l, i).colour);
      if (n) p_->text(x + cell / 2 - 6, yy + cell / 2 - 7, std::to_string(n), 12, "#ffffff");
    }
  }
  float bottom = top + static_cast<float>(m.likelihoods) * cell;
  for (int i = 1; i <= m.impacts; ++i) {
    p_->text(left + static_cast<float>(i - 1) * cell, bottom + 2, fit(m.impact_labels[static_cast<size_t>(i - 1)].in(lang), cell, 7), 7);
  }
  float lx = left + static_cast<float>(m.impacts) * cell + 16;
  float ly = top;
  for (const auto& lv : m.levels) {
    p_->rect(lx, ly, 10, 10, lv.colour);
    p_->text(lx + 14, ly + 1, lv.name.in(lang), 8);
    ly += 14;
  }
  p_->y = bottom + 20;
}

void Pdf::box_plots(const std::vector<Box>& boxes, const std::string& missing) {
  const float label_w = 170, axis_w = kText - label_w - 70, h = 14;
  const float left = kMargin + label_w;
  auto x_of = [&](double v) { return left + axis_w * static_cast<float>(std::min(1.0, std::max(0.0, v))); };
  need(h * 2 + 10);
  for (int t = 0; t <= 4; ++t) p_->text(left + axis_w * static_cast<float>(t) / 4 - 6, p_->y, std::to_string(t * 25) + "%", 6.5f, "#777777");
  p_->y += 10;
  for (const auto& b : boxes) {
    need(h + 4);
    float top = p_->y;
    p_->text(kMargin, top + 2, fit(b.label, label_w - 6, 8), 8);
    p_->rect(left, top + h / 2 - 0.25f, axis_w, 0.5f, "#dddddd");
    if (b.q1 && b.median && b.q3) {
      if (b.mean && b.sd) {
        float a = x_of(*b.mean - *b.sd), z = x_of(*b.mean + *b.sd);
        p_->rect(a, top + h / 2 - 0.5f, z - a, 1, "#555555");
        p_->rect(a - 0.5f, top + 3, 1, h - 6, "#555555");
        p_->rect(z - 0.5f, top + 3, 1, h - 6, "#555555");
      }
      float a = x_of(*b.q1), z = x_of(*b.q3);
      p_->rect(a, top + 1, std::max(1.0f, z - a), h - 2, "#9ecae1");
      p_->rect(x_of(*b.median) - 1, top, 2, h, "#0b3d91");
      p_->text(left + axis_w + 6, top + 2, b.note, 7, "#444444");
    } else {
      p_->text(left + 4, top + 2, missing, 7.5f, "#777777");
    }
    p_->y += h + 3;
  }
  p_->y += 6;
}

void Pdf::line_chart(const std::vector<std::pair<std::string, std::optional<double>>>& points) {
  const float h = 110, w = kText - 40;
  need(h + 30);
  float top = p_->y, left = kMargin + 30;
  p_->stroke("#999999");
  HPDF_Page_SetLineWidth(p_->page, 0.5f);
  HPDF_Page_Rectangle(p_->page, left, kHeight - top - h, w, h);
  HPDF_Page_Stroke(p_->page);
  p_->text(kMargin, top - 3, "100%", 7, "#777777");
  p_->text(kMargin, top + h - 8, "0%", 7, "#777777");
  size_t n = points.size();
  float step = n > 1 ? w / static_cast<float>(n - 1) : 0;
  bool started = false;
  p_->stroke("#0b3d91");
  HPDF_Page_SetLineWidth(p_->page, 1.5f);
  for (size_t k = 0; k < n; ++k) {
    if (!points[k].second) continue;
    float x = left + (n > 1 ? step * static_cast<float>(k) : w / 2), yv = top + h - h * static_cast<float>(*points[k].second);
    if (!started) HPDF_Page_MoveTo(p_->page, x, kHeight - yv);
    else HPDF_Page_LineTo(p_->page, x, kHeight - yv);
    started = true;
  }
  if (started) HPDF_Page_Stroke(p_->page);
  for (size_t k = 0; k < n; ++k) {
    float x = left + (n > 1 ? step * static_cast<float>(k) : w / 2);
    if (points[k].second) p_->rect(x - 2.5f, top + h - h * static_cast<float>(*points[k].second) - 2.5f, 5, 5, "#0b3d91");
    p_->text(x - 14, top + h + 4, points[k].first, 7);
  }
  p_->y = top + h + 22;
}

void Pdf::figure(const std::string& value, const std::string& caption) {
  need(60);
  p_->text(kMargin, p_->y, value, 30, "#0b3d91");
  p_->text(kMargin + p_->width(value, 30) + 12, p_->y + 14, caption, 10, "#444444");
  p_->y += 46;
}

std::string Pdf::bytes() {
  HPDF_SaveToStream(p_->doc);
  p_->check("writing the PDF");
  HPDF_UINT32 size = HPDF_GetStreamSize(p_->doc);
  std::string out(size, '\0');
  HPDF_UINT32 got = size;
  HPDF_ReadFromStream(p_->doc, reinterpret_cast<HPDF_BYTE*>(out.data()), &got);
  out.resize(got);
  HPDF_ResetStream(p_->doc);
  return out;
}

void Pdf::save(const std::string& path) { write_file_atomic(path, bytes()); }

}  // namespace anzen::report
