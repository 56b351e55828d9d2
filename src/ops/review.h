// The draft of the traffic-analysis review for a restriction incident (報告規則第7条の2第2項,
// 様式第26の3): the items the review asks for, filled from the recorded data, as PDF or XLSX.
// What Anzen cannot know (the analysis and the measures) is left for the operator and marked.
#pragma once
#include <string>
#include <vector>

#include "incident/register.h"

namespace anzen::ops {

struct ReviewItem {
  std::string ja, en;  // the item
  std::string value;   // filled from the record, or empty for the operator to write
};

struct ReviewDraft {
  std::string title;
  std::vector<ReviewItem> items;
  std::string due;  // the review's deadline from the classifier, if it is due
};

// Throws std::invalid_argument when the incident is not a restriction.
ReviewDraft review_draft(const incident::Incident& i);
std::string review_pdf(const ReviewDraft& d, const std::string& lang);
std::string review_xlsx(const ReviewDraft& d, const std::string& lang);

}  // namespace anzen::ops
