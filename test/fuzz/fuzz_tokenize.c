/*
 * fuzz_tokenize.c
 *	  libFuzzer target of the tokenizer: tokens cover every byte in order,
 *	  none is empty, types are known, and text splits only between characters.
 */
#include "fuzz_common.h"
#include "ar_tokenize.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	int			valid = fuzz_valid_utf8(s, size);
	ar_tokenizer t;
	ar_token	tok;
	ar_toktype	type;
	size_t		at = 0,
				count = 0;

	ar_tok_init(&t, s, size);
	while ((type = ar_tok_next(&t, &tok)) != AR_T_END)
	{
		FUZZ_CHECK(++count <= size, "more tokens than bytes");
		FUZZ_CHECK(tok.type == type, "returned type differs from the token's");
		FUZZ_CHECK((int) type > 0 && (int) type <= AR_T_MAXID &&
				   ar_tok_name(type) != NULL && ar_tok_description(type) != NULL,
				   "unknown token type");
		FUZZ_CHECK(tok.start == at, "gap or overlap between tokens");
		FUZZ_CHECK(tok.len > 0, "empty token");
		FUZZ_CHECK(tok.len <= size - at, "token past the end");
		at += tok.len;
		if (valid)
			FUZZ_CHECK(fuzz_char_boundary(s, size, at),
					   "token ends inside a character");
	}
	FUZZ_CHECK(at == size, "tokens do not reach the end");
	/* the end is sticky */
	FUZZ_CHECK(ar_tok_next(&t, &tok) == AR_T_END, "token after the end");
	return 0;
}
